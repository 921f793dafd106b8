package org.reach.safety.store;

import java.util.List;

import org.reach.clients.ClientMergeParticipant;
import org.reach.platform.ClientRowMoves;
import org.reach.platform.ClientRowMoves.Column;
import org.reach.platform.ReachUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's overdose reports (as the person or as the kit holder) go to the survivor, and back on
 * undo; a recorded death moves only when the survivor has none. */
@Component
class SafetyMergeParticipant implements ClientMergeParticipant {

    private static final List<Column> COLUMNS = List.of(
            Column.of("overdose_reports", "id", "client_id", "organisation_id"),
            Column.of("overdose_reports", "id", "kit_holder_client_id", "organisation_id"),
            Column.of("deaths", "id", "client_id", "organisation_id").unique());

    private final JdbcClient jdbc;

    SafetyMergeParticipant(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String participant() {
        return "safety";
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
