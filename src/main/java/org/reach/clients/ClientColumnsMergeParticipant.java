package org.reach.clients;

import java.util.List;

import org.reach.platform.ClientRowMoves;
import org.reach.platform.ClientRowMoves.Column;
import org.reach.platform.ReachUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A participant whose part in a merge is only to move the client columns of its own tables: it names the columns,
 * {@link ClientRowMoves} moves them and writes the journal.
 */
public abstract class ClientColumnsMergeParticipant implements ClientMergeParticipant {

    private final String participant;
    private final JdbcClient jdbc;
    private final List<Column> columns;

    protected ClientColumnsMergeParticipant(String participant, JdbcClient jdbc, List<Column> columns) {
        this.participant = participant;
        this.jdbc = jdbc;
        this.columns = List.copyOf(columns);
    }

    @Override
    public final String participant() {
        return participant;
    }

    @Override
    public String moveRows(ReachUser actor, long organisationId, long fromClient, long toClient) {
        return ClientRowMoves.move(jdbc, columns, organisationId, fromClient, toClient);
    }

    @Override
    public void moveBack(ReachUser actor, long organisationId, String journal, long fromClient, long toClient) {
        ClientRowMoves.moveBack(jdbc, columns, journal, organisationId, fromClient, toClient);
    }
}
