package org.reach.rights.store;

import java.util.List;

import org.reach.clients.ClientColumnsMergeParticipant;
import org.reach.platform.ClientRowMoves.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's violence reports go to the survivor, and back on undo. */
@Component
class RightsMergeParticipant extends ClientColumnsMergeParticipant {

    RightsMergeParticipant(JdbcClient jdbc) {
        super("rights", jdbc, List.of(
                Column.of("violence_reports", "id", "client_id", "organisation_id")));
    }
}
