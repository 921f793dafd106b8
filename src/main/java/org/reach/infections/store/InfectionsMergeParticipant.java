package org.reach.infections.store;

import java.util.List;

import org.reach.clients.ClientColumnsMergeParticipant;
import org.reach.platform.ClientRowMoves.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged client's screening, diagnosis and treatment records go to the survivor, and back on undo. */
@Component
class InfectionsMergeParticipant extends ClientColumnsMergeParticipant {

    InfectionsMergeParticipant(JdbcClient jdbc) {
        super("infections", jdbc, List.of(
                Column.of("infection_records", "id", "client_id", "organisation_id")));
    }
}
