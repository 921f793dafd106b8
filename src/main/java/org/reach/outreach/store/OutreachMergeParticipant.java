package org.reach.outreach.store;

import java.util.List;

import org.reach.clients.ClientMergeParticipant;
import org.reach.platform.ClientRowMoves;
import org.reach.platform.ClientRowMoves.Column;
import org.reach.platform.ReachUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The links of a merged client's encounters to outreach sessions follow the encounters to the survivor,
 * and back on undo. */
@Component
class OutreachMergeParticipant implements ClientMergeParticipant {

    private static final List<Column> COLUMNS = List.of(
            Column.of("outreach_session_encounters", "encounter_id", "client_id", null));

    private final JdbcClient jdbc;

    OutreachMergeParticipant(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String participant() {
        return "outreach";
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
