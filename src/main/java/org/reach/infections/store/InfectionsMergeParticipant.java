package org.reach.infections.store;

import java.util.List;

import org.reach.clients.ClientMergeParticipant;
import org.reach.platform.ClientRowMoves;
import org.reach.platform.ClientRowMoves.Column;
import org.reach.platform.ReachUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's screening, diagnosis and treatment records go to the survivor, and back on undo. */
@Component
class InfectionsMergeParticipant implements ClientMergeParticipant {

    private static final List<Column> COLUMNS = List.of(
            Column.of("infection_records", "id", "client_id", "organisation_id"));

    private final JdbcClient jdbc;

    InfectionsMergeParticipant(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String participant() {
        return "infections";
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
