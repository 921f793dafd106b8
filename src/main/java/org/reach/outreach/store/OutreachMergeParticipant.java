package org.reach.outreach.store;

import java.util.List;

import org.reach.clients.ClientColumnsMergeParticipant;
import org.reach.platform.ClientRowMoves.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The links of a merged client's encounters to outreach sessions follow the encounters to the survivor,
 * and back on undo. */
@Component
class OutreachMergeParticipant extends ClientColumnsMergeParticipant {

    OutreachMergeParticipant(JdbcClient jdbc) {
        super("outreach", jdbc, List.of(
                Column.of("outreach_session_encounters", "encounter_id", "client_id", null)));
    }
}
