package org.reach.services.store;

import java.util.List;

import org.reach.clients.ClientColumnsMergeParticipant;
import org.reach.platform.ClientRowMoves.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's encounters and referrals go to the survivor, and back on undo. */
@Component
class ServicesMergeParticipant extends ClientColumnsMergeParticipant {

    ServicesMergeParticipant(JdbcClient jdbc) {
        super("services", jdbc, List.of(
                Column.of("encounters", "id", "client_id", "organisation_id"),
                Column.of("referrals", "id", "client_id", "organisation_id")));
    }
}
