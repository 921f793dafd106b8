package org.reach.outreach.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.clients.Gender;
import org.reach.outreach.AgeBand;
import org.reach.outreach.Incident;
import org.reach.outreach.OutreachSession;
import org.reach.outreach.OutreachSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Outreach sessions with their peers, anonymous contacts, linked encounters and incidents. */
@Repository
public class SessionStore {

    private static final String COLUMNS = """
            id, uuid, organisation_id, site_id, hotspot_id, hotspot_name, setting, session_date, start_time, end_time,
            needles_syringes, condoms, naloxone, foil_pipes, information_material, returned_syringes,
            returned_weight_grams, referrals, form_version, fingerprint, created_at, created_by""";

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session to write; the lists are written beside it. */
    public record NewSession(String uuid, long organisationId, long siteId, Long hotspotId, String hotspotName,
                             OutreachSetting setting, LocalDate date, LocalTime start, LocalTime end, List<Long> peerIds,
                             List<OutreachSession.Contacts> contacts, int needlesSyringes, int condoms, int naloxone,
                             int foilPipes, int informationMaterial, Integer returnedSyringes,
                             Integer returnedWeightGrams, int referrals, List<OutreachSession.Observed> incidents,
                             String formVersion, String fingerprint) {
    }

    public record Known(long id, String fingerprint) {
    }

    public Map<String, Known> known(long organisationId, Collection<String> uuids) {
        Map<String, Known> found = new HashMap<>();
        if (uuids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT id, uuid, fingerprint FROM outreach_sessions WHERE organisation_id = :org AND uuid IN (:uuids)")
                .param("org", organisationId).param("uuids", uuids)
                .query((rs, n) -> found.put(rs.getString("uuid"), new Known(rs.getLong("id"), rs.getString("fingerprint"))))
                .list();
        return found;
    }

    public long insert(NewSession s, long actorId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outreach_sessions (uuid, organisation_id, site_id, hotspot_id, hotspot_name, setting, session_date,
                            start_time, end_time, needles_syringes, condoms, naloxone, foil_pipes, information_material,
                            returned_syringes, returned_weight_grams, referrals, form_version, fingerprint, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.uuid(), s.organisationId(), s.siteId(), s.hotspotId(), s.hotspotName(), s.setting().name(), s.date(),
                        Time.valueOf(s.start()), Time.valueOf(s.end()), s.needlesSyringes(), s.condoms(), s.naloxone(),
                        s.foilPipes(), s.informationMaterial(), s.returnedSyringes(), s.returnedWeightGrams(), s.referrals(),
                        s.formVersion(), s.fingerprint(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actorId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Long peer : s.peerIds()) {
            jdbc.sql("INSERT INTO outreach_session_peers (session_id, peer_id) VALUES (?, ?)").params(id, peer).update();
        }
        for (OutreachSession.Contacts c : s.contacts()) {
            jdbc.sql("INSERT INTO outreach_session_contacts (session_id, sex, age_band, people) VALUES (?, ?, ?, ?)")
                    .params(id, c.sex().name(), c.ageBand().name(), c.people()).update();
        }
        for (OutreachSession.Observed o : s.incidents()) {
            jdbc.sql("INSERT INTO outreach_session_incidents (session_id, code, times) VALUES (?, ?, ?)")
                    .params(id, o.code().name(), o.times()).update();
        }
        return id;
    }

    public void link(long sessionId, List<OutreachSession.Served> served) {
        for (OutreachSession.Served s : served) {
            jdbc.sql("INSERT INTO outreach_session_encounters (session_id, encounter_id, client_id) VALUES (?, ?, ?)")
                    .params(sessionId, s.encounterId(), s.clientId()).update();
        }
    }

    public Optional<OutreachSession> byId(long id) {
        return complete(jdbc.sql("SELECT " + COLUMNS + " FROM outreach_sessions WHERE id = ?").param(id)
                .query(SessionStore::row).list()).stream().findFirst();
    }

    /**
     * Sessions of an organisation in a period (either end may be open), newest first; with {@code sites} only
     * sessions at those sites or with this peer among the team.
     */
    public List<OutreachSession> search(long organisationId, LocalDate from, LocalDate to, Long siteId,
                                        OutreachSetting setting, Collection<Long> sites, long peerId, long offset,
                                        int limit) {
        return complete(jdbc.sql("SELECT " + COLUMNS + " FROM outreach_sessions s " + where(from, to, siteId, setting, sites)
                        + " ORDER BY session_date DESC, start_time DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params(organisationId, from, to, siteId, setting, sites, peerId)).param("limit", limit).param("offset", offset)
                .query(SessionStore::row).list());
    }

    public long count(long organisationId, LocalDate from, LocalDate to, Long siteId, OutreachSetting setting,
                      Collection<Long> sites, long peerId) {
        return jdbc.sql("SELECT COUNT(*) FROM outreach_sessions s " + where(from, to, siteId, setting, sites))
                .params(params(organisationId, from, to, siteId, setting, sites, peerId)).query(Long.class).single();
    }

    /** Every session of these organisations in a period, for counting. */
    public List<OutreachSession> between(Collection<Long> organisationIds, Long siteId, LocalDate from, LocalDate to) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return complete(jdbc.sql("SELECT " + COLUMNS + " FROM outreach_sessions WHERE organisation_id IN (:orgs)"
                        + " AND session_date BETWEEN :from AND :to" + (siteId == null ? "" : " AND site_id = :site"))
                .param("orgs", organisationIds).param("from", from).param("to", to)
                .params(siteId == null ? Map.of() : Map.of("site", siteId))
                .query(SessionStore::row).list());
    }

    private static String where(LocalDate from, LocalDate to, Long siteId, OutreachSetting setting,
                                Collection<Long> sites) {
        StringBuilder sql = new StringBuilder("WHERE s.organisation_id = :org");
        if (from != null) {
            sql.append(" AND s.session_date >= :from");
        }
        if (to != null) {
            sql.append(" AND s.session_date <= :to");
        }
        if (siteId != null) {
            sql.append(" AND s.site_id = :site");
        }
        if (setting != null) {
            sql.append(" AND s.setting = :setting");
        }
        if (sites != null) {
            sql.append(sites.isEmpty() ? " AND (1 = 0" : " AND (s.site_id IN (:sites)");
            sql.append(" OR EXISTS (SELECT 1 FROM outreach_session_peers p WHERE p.session_id = s.id AND p.peer_id = :peer))");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(long organisationId, LocalDate from, LocalDate to, Long siteId,
                                              OutreachSetting setting, Collection<Long> sites, long peerId) {
        Map<String, Object> params = new HashMap<>();
        params.put("org", organisationId);
        if (from != null) {
            params.put("from", from);
        }
        if (to != null) {
            params.put("to", to);
        }
        if (siteId != null) {
            params.put("site", siteId);
        }
        if (setting != null) {
            params.put("setting", setting.name());
        }
        if (sites != null) {
            if (!sites.isEmpty()) {
                params.put("sites", sites);
            }
            params.put("peer", peerId);
        }
        return params;
    }

    private record Row(long id, String uuid, long organisationId, long siteId, Long hotspotId, String hotspotName,
                       OutreachSetting setting, LocalDate date, LocalTime start, LocalTime end, int needles, int condoms, int naloxone, int foil,
                       int information, Integer returned, Integer grams, int referrals, String formVersion,
                       Instant createdAt, long createdBy) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("uuid"), rs.getLong("organisation_id"), rs.getLong("site_id"),
                rs.getObject("hotspot_id", Long.class), rs.getString("hotspot_name"),
                OutreachSetting.valueOf(rs.getString("setting")), rs.getObject("session_date", LocalDate.class), rs.getTime("start_time").toLocalTime(),
                rs.getTime("end_time").toLocalTime(), rs.getInt("needles_syringes"), rs.getInt("condoms"),
                rs.getInt("naloxone"), rs.getInt("foil_pipes"), rs.getInt("information_material"),
                rs.getObject("returned_syringes", Integer.class), rs.getObject("returned_weight_grams", Integer.class),
                rs.getInt("referrals"), rs.getString("form_version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("created_by"));
    }

    /** The rows with their lists, read in one query per list for the whole page. */
    private List<OutreachSession> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Long>> peers = new HashMap<>();
        jdbc.sql("SELECT session_id, peer_id FROM outreach_session_peers WHERE session_id IN (:ids) ORDER BY peer_id")
                .param("ids", ids).query((rs, n) -> peers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2))).list();
        Map<Long, List<OutreachSession.Contacts>> contacts = new HashMap<>();
        jdbc.sql("SELECT session_id, sex, age_band, people FROM outreach_session_contacts WHERE session_id IN (:ids)")
                .param("ids", ids).query((rs, n) -> contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new OutreachSession.Contacts(Gender.valueOf(rs.getString(2)), AgeBand.valueOf(rs.getString(3)),
                                rs.getInt(4)))).list();
        Map<Long, List<OutreachSession.Served>> served = new HashMap<>();
        jdbc.sql("SELECT session_id, encounter_id, client_id FROM outreach_session_encounters WHERE session_id IN (:ids)"
                        + " ORDER BY encounter_id")
                .param("ids", ids).query((rs, n) -> served.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new OutreachSession.Served(rs.getLong(2), rs.getLong(3)))).list();
        Map<Long, List<OutreachSession.Observed>> incidents = new HashMap<>();
        jdbc.sql("SELECT session_id, code, times FROM outreach_session_incidents WHERE session_id IN (:ids)")
                .param("ids", ids).query((rs, n) -> incidents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new OutreachSession.Observed(Incident.valueOf(rs.getString(2)), rs.getInt(3)))).list();
        Map<Long, OutreachSession> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            List<OutreachSession.Contacts> own = new ArrayList<>(contacts.getOrDefault(r.id(), List.of()));
            own.sort(java.util.Comparator.comparing(OutreachSession.Contacts::sex).thenComparing(OutreachSession.Contacts::ageBand));
            List<OutreachSession.Observed> seen = new ArrayList<>(incidents.getOrDefault(r.id(), List.of()));
            seen.sort(java.util.Comparator.comparing(OutreachSession.Observed::code));
            byId.put(r.id(), new OutreachSession(r.id(), r.uuid(), r.organisationId(), r.siteId(), r.hotspotId(),
                    r.hotspotName(), r.setting(), r.date(), r.start(), r.end(), peers.getOrDefault(r.id(), List.of()), own,
                    served.getOrDefault(r.id(), List.of()), r.needles(), r.condoms(), r.naloxone(), r.foil(),
                    r.information(), r.returned(), r.grams(), r.referrals(), seen, r.formVersion(), r.createdBy(),
                    r.createdAt()));
        }
        return new ArrayList<>(byId.values());
    }
}
