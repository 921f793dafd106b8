package org.reach.safety.store;

import java.util.List;

import org.reach.clients.ClientColumnsMergeParticipant;
import org.reach.platform.ClientRowMoves.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's overdose reports (as the person or as the kit holder) go to the survivor, and back on
 * undo; a recorded death moves only when the survivor has none. */
@Component
class SafetyMergeParticipant extends ClientColumnsMergeParticipant {

    SafetyMergeParticipant(JdbcClient jdbc) {
        super("safety", jdbc, List.of(
                Column.of("overdose_reports", "id", "client_id", "organisation_id"),
                Column.of("overdose_reports", "id", "kit_holder_client_id", "organisation_id"),
                Column.of("deaths", "id", "client_id", "organisation_id").unique()));
    }
}
