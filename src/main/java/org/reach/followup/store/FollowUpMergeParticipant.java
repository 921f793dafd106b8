package org.reach.followup.store;

import java.util.List;

import org.reach.clients.ClientColumnsMergeParticipant;
import org.reach.platform.ClientRowMoves.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's tracing, returns, detentions, transfers and moves go to the survivor, and back on
 * undo; a peer assignment moves only when the survivor has none. */
@Component
class FollowUpMergeParticipant extends ClientColumnsMergeParticipant {

    FollowUpMergeParticipant(JdbcClient jdbc) {
        super("followup", jdbc, List.of(
                Column.of("followup_peer_assignments", "client_id", "client_id", "organisation_id").unique(),
                Column.of("followup_tracing_attempts", "id", "client_id", "organisation_id"),
                Column.of("followup_returns", "id", "client_id", "organisation_id").unique("organisation_id", "traced_from"),
                Column.of("followup_detentions", "id", "client_id", "organisation_id"),
                Column.of("followup_transfers", "id", "from_client_id", "from_organisation_id"),
                Column.of("followup_transfers", "id", "to_client_id", "to_organisation_id"),
                Column.of("followup_moves", "id", "client_id", "organisation_id")));
    }
}
