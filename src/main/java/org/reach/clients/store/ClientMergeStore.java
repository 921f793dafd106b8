package org.reach.clients.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Merges of two client records, what they changed on the records, and the participants' journals. */
@Repository
public class ClientMergeStore {

    /** A merge as stored, with what the merge changed on the two records so an undo can put it back. */
    public record StoredMerge(long id, long organisationId, long survivorId, long mergedId, String reason,
                              Long mergedBy, Instant mergedAt, LocalDate survivorFirstContact,
                              LocalDate survivorLastContact, Instant survivorUpdatedAt, Instant mergedUpdatedAt,
                              Long undoneBy, Instant undoneAt) {
    }

    private static final String SELECT = """
            SELECT id, organisation_id, survivor_id, merged_id, reason, merged_by, merged_at, survivor_first_contact,
                   survivor_last_contact, survivor_updated_at, merged_updated_at, undone_by, undone_at
            FROM client_merges""";

    private final JdbcClient jdbc;

    ClientMergeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long organisationId, StoredClient survivor, StoredClient merged, Instant survivorUpdatedAt,
                       Instant mergedUpdatedAt, String reason, Long actorId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO client_merges (organisation_id, survivor_id, merged_id, reason, merged_by, merged_at,
                                                   survivor_first_contact, survivor_last_contact, survivor_updated_at,
                                                   merged_updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, survivor.id(), merged.id(), reason, actorId, Timestamp.from(now),
                        survivor.firstContact(), survivor.lastContact(), Timestamp.from(survivorUpdatedAt),
                        Timestamp.from(mergedUpdatedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void addJournal(long mergeId, String participant, String journal) {
        jdbc.sql("INSERT INTO client_merge_journals (merge_id, participant, journal) VALUES (?, ?, ?)")
                .params(mergeId, participant, journal).update();
    }

    /** The journals of one merge by participant. */
    public Map<String, String> journals(long mergeId) {
        Map<String, String> journals = new LinkedHashMap<>();
        jdbc.sql("SELECT participant, journal FROM client_merge_journals WHERE merge_id = ? ORDER BY participant")
                .param(mergeId).query(rs -> {
                    journals.put(rs.getString("participant"), rs.getString("journal"));
                });
        return journals;
    }

    /** Marks a merge undone, unless it already was: false when another undo came first. */
    public boolean markUndone(long mergeId, Long actorId, Instant now) {
        return jdbc.sql("UPDATE client_merges SET undone_by = ?, undone_at = ? WHERE id = ? AND undone_at IS NULL")
                .params(actorId, Timestamp.from(now), mergeId).update() == 1;
    }

    public Optional<StoredMerge> byId(long organisationId, long mergeId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? AND id = ?").params(organisationId, mergeId)
                .query(ClientMergeStore::map).optional();
    }

    /** The merge that hid this record and is still in force, if any. */
    public Optional<StoredMerge> inForceFor(long mergedId) {
        return jdbc.sql(SELECT + " WHERE merged_id = ? AND undone_at IS NULL").param(mergedId)
                .query(ClientMergeStore::map).optional();
    }

    /** The organisation's merges, newest first, at most {@code limit}. */
    public List<StoredMerge> latest(long organisationId, int limit) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? ORDER BY merged_at DESC, id DESC LIMIT ?")
                .params(organisationId, limit).query(ClientMergeStore::map).list();
    }

    /** Hides a record behind the survivor (or shows it again with null), keeping the given update time. */
    public void setMergedInto(long clientId, Long survivorId, Instant updatedAt) {
        jdbc.sql("UPDATE clients SET merged_into = ?, updated_at = ? WHERE id = ?")
                .params(survivorId, Timestamp.from(updatedAt), clientId).update();
    }

    public void setContacts(long clientId, LocalDate first, LocalDate last, Instant updatedAt) {
        jdbc.sql("UPDATE clients SET first_contact = ?, last_contact = ?, updated_at = ? WHERE id = ?")
                .params(first, last, Timestamp.from(updatedAt), clientId).update();
    }

    public Instant updatedAt(long clientId) {
        return jdbc.sql("SELECT updated_at FROM clients WHERE id = ?").param(clientId).query(Timestamp.class).single()
                .toInstant();
    }

    private static StoredMerge map(ResultSet rs, int row) throws SQLException {
        Timestamp undone = rs.getTimestamp("undone_at");
        return new StoredMerge(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("survivor_id"),
                rs.getLong("merged_id"), rs.getString("reason"), rs.getObject("merged_by", Long.class),
                rs.getTimestamp("merged_at").toInstant(), rs.getObject("survivor_first_contact", LocalDate.class),
                rs.getObject("survivor_last_contact", LocalDate.class),
                rs.getTimestamp("survivor_updated_at").toInstant(), rs.getTimestamp("merged_updated_at").toInstant(),
                rs.getObject("undone_by", Long.class), undone == null ? null : undone.toInstant());
    }
}
