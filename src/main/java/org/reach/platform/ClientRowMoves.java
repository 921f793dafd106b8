package org.reach.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves the rows of a capability's tables that name one client over to another client (merging two records of one
 * person) and writes down exactly which rows it moved, so that undoing the merge moves those rows back and no other.
 * A row the survivor cannot take because the table allows one such row per client (a death, a peer) stays with the
 * merged record and is not in the journal. Table and column names come from the calling code, never from input.
 */
public final class ClientRowMoves {

    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    /**
     * One column of a table that holds a client id.
     *
     * @param table        the table
     * @param key          the column that identifies a row (the client column itself for one row per client)
     * @param client       the column holding the client id
     * @param organisation the column holding that client's organisation, or null when the table has none
     * @param uniqueWith   null when a client may have any number of rows; otherwise the columns that, with the client
     *                     column, must stay unique (empty: at most one row per client)
     */
    public record Column(String table, String key, String client, String organisation, List<String> uniqueWith) {

        public Column {
            for (String name : names(table, key, client, organisation)) {
                if (name != null && !NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a column name: " + name);
                }
            }
            uniqueWith = uniqueWith == null ? null : List.copyOf(uniqueWith);
        }

        public static Column of(String table, String key, String client, String organisation) {
            return new Column(table, key, client, organisation, null);
        }

        /** The same column in a table where a client may hold one row per value of these columns (none: one row). */
        public Column unique(String... columns) {
            return new Column(table, key, client, organisation, List.of(columns));
        }

        String label() {
            return table + "." + client;
        }

        private static List<String> names(String... names) {
            return java.util.Arrays.asList(names);
        }
    }

    private ClientRowMoves() {
    }

    /** Moves the rows of {@code from} to {@code to} in every column and answers the journal of what moved. */
    public static String move(JdbcClient jdbc, List<Column> columns, long organisationId, long from, long to) {
        StringBuilder journal = new StringBuilder();
        for (Column column : columns) {
            List<Long> keys = movable(jdbc, column, organisationId, from, to);
            if (keys.isEmpty()) {
                continue;
            }
            if (column.key().equals(column.client())) {
                jdbc.sql("UPDATE " + column.table() + " SET " + column.client() + " = :to WHERE " + column.client()
                        + " = :from").param("to", to).param("from", from).update();
            } else {
                jdbc.sql("UPDATE " + column.table() + " SET " + column.client() + " = :to WHERE " + column.key()
                        + " IN (:keys)").param("to", to).param("keys", keys).update();
            }
            if (!journal.isEmpty()) {
                journal.append(';');
            }
            journal.append(column.label()).append('=');
            journal.append(String.join(",", keys.stream().map(String::valueOf).toList()));
        }
        return journal.toString();
    }

    /** Moves back exactly the rows a journal of {@link #move} names, from {@code to} to {@code from}. */
    public static void moveBack(JdbcClient jdbc, List<Column> columns, String journal, long organisationId, long from,
                                long to) {
        Map<String, List<Long>> moved = parse(journal);
        for (Column column : columns) {
            List<Long> keys = moved.get(column.label());
            if (keys == null || keys.isEmpty()) {
                continue;
            }
            if (column.key().equals(column.client())) {
                jdbc.sql("UPDATE " + column.table() + " SET " + column.client() + " = :from WHERE " + column.client()
                        + " = :to").param("to", to).param("from", from).update();
            } else {
                jdbc.sql("UPDATE " + column.table() + " SET " + column.client() + " = :from WHERE " + column.key()
                        + " IN (:keys) AND " + column.client() + " = :to")
                        .param("to", to).param("from", from).param("keys", keys).update();
            }
        }
    }

    private static List<Long> movable(JdbcClient jdbc, Column column, long organisationId, long from, long to) {
        StringBuilder sql = new StringBuilder("SELECT t.").append(column.key()).append(" FROM ").append(column.table())
                .append(" t WHERE t.").append(column.client()).append(" = :from");
        if (column.organisation() != null) {
            sql.append(" AND t.").append(column.organisation()).append(" = :organisation");
        }
        if (column.uniqueWith() != null) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(column.table()).append(" o WHERE o.")
                    .append(column.client()).append(" = :to");
            for (String unique : column.uniqueWith()) {
                sql.append(" AND o.").append(unique).append(" = t.").append(unique);
            }
            sql.append(')');
        }
        sql.append(" ORDER BY t.").append(column.key());
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("from", from);
        if (column.organisation() != null) {
            statement = statement.param("organisation", organisationId);
        }
        if (column.uniqueWith() != null) {
            statement = statement.param("to", to);
        }
        return new ArrayList<>(statement.query(Long.class).list());
    }

    private static Map<String, List<Long>> parse(String journal) {
        Map<String, List<Long>> moved = new LinkedHashMap<>();
        if (journal == null || journal.isBlank()) {
            return moved;
        }
        for (String entry : journal.split(";")) {
            int equals = entry.indexOf('=');
            List<Long> keys = new ArrayList<>();
            for (String key : entry.substring(equals + 1).split(",")) {
                keys.add(Long.valueOf(key));
            }
            moved.put(entry.substring(0, equals), keys);
        }
        return moved;
    }
}
