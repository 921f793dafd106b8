package org.reach.services.store;

import java.util.List;

import org.reach.clients.ClientMergeParticipant;
import org.reach.platform.ClientRowMoves;
import org.reach.platform.ClientRowMoves.Column;
import org.reach.platform.ReachUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's encounters and referrals go to the survivor, and back on undo. */
@Component
class ServicesMergeParticipant implements ClientMergeParticipant {

    private static final List<Column> COLUMNS = List.of(
            Column.of("encounters", "id", "client_id", "organisation_id"),
            Column.of("referrals", "id", "client_id", "organisation_id"));

    private final JdbcClient jdbc;

    ServicesMergeParticipant(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String participant() {
        return "services";
    }

    @Override
    public String moveRows(ReachUser actor, long organisationId, long fromClient, long toClient) {
        return ClientRowMoves.move(jdbc, COLUMNS, organisationId, fromClient, toClient);
    }

    @Override
    public void moveBack(ReachUser actor, long organisationId, String journal, long fromClient, long toClient) {
        ClientRowMoves.moveBack(jdbc, COLUMNS, journal, organisationId, fromClient, toClient);
    }
}
