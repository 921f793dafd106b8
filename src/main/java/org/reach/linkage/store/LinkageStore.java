package org.reach.linkage.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The linkage tables: encodings, runs, group members and possible duplicates. Only linkage reads them. */
@Repository
public class LinkageStore {

    private final JdbcClient jdbc;

    LinkageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredEncoding(long clientId, long organisationId, long[] basic, long[] full, String basis,
                                 String enrolmentCity) {
    }

    public record Member(long clientId, long groupId, long organisationId, String enrolmentCity, int scorePermille,
                         Instant foundAt) {
    }

    public record Duplicate(long clientA, long clientB, long organisationId, int scorePermille) {
    }

    public record Run(long id, long programmeId, long startedBy, Instant startedAt, Instant finishedAt, int encodings,
                      long comparisons, int fullThreshold, int basicThreshold) {
    }

    // ---- encodings

    public void saveEncoding(long clientId, long organisationId, long programmeId, long[] basic, long[] full,
                             String basis, String enrolmentCity, Instant now) {
        jdbc.sql("DELETE FROM linkage_encodings WHERE client_id = ?").param(clientId).update();
        jdbc.sql("INSERT INTO linkage_encodings (client_id, organisation_id, programme_id, basic_bits, full_bits, basis, "
                        + "enrolment_city, encoded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(clientId, organisationId, programmeId, bytes(basic), full == null ? null : bytes(full), basis,
                        enrolmentCity, at(now))
                .update();
    }

    /** The enrolment city may change with the client's enrolment site; runs bring it up to date. */
    public void updateCity(long clientId, String enrolmentCity) {
        jdbc.sql("UPDATE linkage_encodings SET enrolment_city = ? WHERE client_id = ?").params(enrolmentCity, clientId)
                .update();
    }

    public Set<Long> encodedClients(long organisationId) {
        return Set.copyOf(jdbc.sql("SELECT client_id FROM linkage_encodings WHERE organisation_id = ?")
                .param(organisationId).query(Long.class).list());
    }

    public List<StoredEncoding> encodings(long programmeId) {
        return jdbc.sql("SELECT client_id, organisation_id, basic_bits, full_bits, basis, enrolment_city "
                        + "FROM linkage_encodings WHERE programme_id = ? ORDER BY client_id")
                .param(programmeId)
                .query((rs, n) -> new StoredEncoding(rs.getLong(1), rs.getLong(2), longs(rs.getBytes(3)),
                        rs.getBytes(4) == null ? null : longs(rs.getBytes(4)), rs.getString(5), rs.getString(6)))
                .list();
    }

    // ---- groups and duplicates

    public Optional<Member> member(long clientId) {
        return jdbc.sql("SELECT client_id, group_id, organisation_id, enrolment_city, score_permille, found_at "
                + "FROM linkage_members WHERE client_id = ?").param(clientId).query(LinkageStore::member).optional();
    }

    public List<Member> group(long groupId) {
        return jdbc.sql("SELECT client_id, group_id, organisation_id, enrolment_city, score_permille, found_at "
                        + "FROM linkage_members WHERE group_id = ? ORDER BY client_id")
                .param(groupId).query(LinkageStore::member).list();
    }

    /** Members of the organisation's clients' groups: the organisation's own members and the others in their groups. */
    public List<Member> groupsOf(long organisationId) {
        return jdbc.sql("SELECT client_id, group_id, organisation_id, enrolment_city, score_permille, found_at "
                        + "FROM linkage_members WHERE group_id IN (SELECT group_id FROM linkage_members "
                        + "WHERE organisation_id = ?) ORDER BY group_id, client_id")
                .param(organisationId).query(LinkageStore::member).list();
    }

    /** Every member of the groups with a member in these organisations. */
    public List<Member> groupsOf(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT client_id, group_id, organisation_id, enrolment_city, score_permille, found_at "
                        + "FROM linkage_members WHERE group_id IN (SELECT group_id FROM linkage_members "
                        + "WHERE organisation_id IN (:organisations)) ORDER BY group_id, client_id")
                .param("organisations", List.copyOf(organisationIds)).query(LinkageStore::member).list();
    }

    public void addMember(long clientId, long groupId, long programmeId, long organisationId, String city, int score,
                          Instant now) {
        jdbc.sql("INSERT INTO linkage_members (client_id, group_id, programme_id, organisation_id, enrolment_city, "
                        + "score_permille, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(clientId, groupId, programmeId, organisationId, city, score, at(now)).update();
    }

    public void addDuplicate(long clientA, long clientB, long organisationId, long programmeId, int score, Instant now) {
        jdbc.sql("INSERT INTO linkage_duplicates (client_a, client_b, organisation_id, programme_id, score_permille, "
                        + "found_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Math.min(clientA, clientB), Math.max(clientA, clientB), organisationId, programmeId, score, at(now))
                .update();
    }

    public List<Duplicate> duplicates(long organisationId) {
        return jdbc.sql("SELECT client_a, client_b, organisation_id, score_permille FROM linkage_duplicates "
                        + "WHERE organisation_id = ? ORDER BY score_permille DESC, client_a, client_b")
                .param(organisationId)
                .query((rs, n) -> new Duplicate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).list();
    }

    public List<Duplicate> duplicatesOf(long clientId) {
        return jdbc.sql("SELECT client_a, client_b, organisation_id, score_permille FROM linkage_duplicates "
                        + "WHERE client_a = ? OR client_b = ? ORDER BY score_permille DESC")
                .params(clientId, clientId)
                .query((rs, n) -> new Duplicate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).list();
    }

    /** A run's result replaces what earlier runs and registrations found in the programme. */
    public void clearProgramme(long programmeId) {
        jdbc.sql("DELETE FROM linkage_members WHERE programme_id = ?").param(programmeId).update();
        jdbc.sql("DELETE FROM linkage_duplicates WHERE programme_id = ?").param(programmeId).update();
    }

    // ---- runs

    public long addRun(long programmeId, long startedBy, Instant startedAt, Instant finishedAt, int encodings,
                       long comparisons, int fullThreshold, int basicThreshold) {
        jdbc.sql("INSERT INTO linkage_runs (programme_id, started_by, started_at, finished_at, encodings, comparisons, "
                        + "full_threshold, basic_threshold) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(programmeId, startedBy, at(startedAt), at(finishedAt), encodings, comparisons, fullThreshold,
                        basicThreshold)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM linkage_runs WHERE programme_id = ?").param(programmeId)
                .query(Long.class).single();
    }

    public List<Run> runs(long programmeId, int limit) {
        return jdbc.sql("SELECT id, programme_id, started_by, started_at, finished_at, encodings, comparisons, "
                        + "full_threshold, basic_threshold FROM linkage_runs WHERE programme_id = ? "
                        + "ORDER BY started_at DESC, id DESC LIMIT " + Math.max(1, Math.min(limit, 100)))
                .param(programmeId)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getInt(9)))
                .list();
    }

    // ---- helpers

    private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Member(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static byte[] bytes(long[] words) {
        ByteBuffer buffer = ByteBuffer.allocate(words.length * 8);
        for (long word : words) {
            buffer.putLong(word);
        }
        return buffer.array();
    }

    static long[] longs(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] words = new long[bytes.length / 8];
        for (int i = 0; i < words.length; i++) {
            words[i] = buffer.getLong();
        }
        return words;
    }
}
