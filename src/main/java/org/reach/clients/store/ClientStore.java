package org.reach.clients.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reach.clients.CareStage;
import org.reach.clients.ClientSearch;
import org.reach.clients.ClientSettings;
import org.reach.clients.ClientStatus;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.HotspotReach;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.clients.uic.UicScheme;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Clients, their key populations, status and stage history, duplicate decisions and organisation settings. */
@Repository
public class ClientStore {

    private static final String SELECT = """
            SELECT id, organisation_id, uic, gender, birth_year, primary_drug, secondary_drug, route, enrolment_site_id,
                   enrolment_hotspot, peer_educator_id, first_contact, last_contact, explicit_status,
                   explicit_status_date, care_stage, alias, created_at, merged_into
            FROM clients""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ClientStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    // ---- settings

    public Optional<ClientSettings> settings(long organisationId) {
        return jdbc.sql("SELECT organisation_id, uic_scheme, active_months, lost_after_months FROM client_settings WHERE organisation_id = ?")
                .param(organisationId)
                .query((rs, row) -> new ClientSettings(rs.getLong("organisation_id"), UicScheme.valueOf(rs.getString("uic_scheme")),
                        rs.getInt("active_months"), rs.getInt("lost_after_months")))
                .optional();
    }

    public void saveSettings(ClientSettings settings, Instant now) {
        int updated = jdbc.sql("UPDATE client_settings SET uic_scheme = ?, active_months = ?, lost_after_months = ?, updated_at = ? WHERE organisation_id = ?")
                .params(settings.scheme().name(), settings.activeMonths(), settings.lostAfterMonths(), Timestamp.from(now),
                        settings.organisationId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO client_settings (organisation_id, uic_scheme, active_months, lost_after_months, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(settings.organisationId(), settings.scheme().name(), settings.activeMonths(),
                            settings.lostAfterMonths(), Timestamp.from(now))
                    .update();
        }
    }

    // ---- clients

    /**
     * Distinct clients per enrolment hotspot (as written) whose first-to-last contact span overlaps the period,
     * by subgroup, in one query. Each client is one row of the join, so the sums count distinct clients.
     */
    public List<HotspotReach> reachByHotspot(long organisationId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT c.enrolment_hotspot AS hotspot,
                               COUNT(*) AS total,
                               SUM(CASE WHEN c.route = 'INJECTING' OR COALESCE(k.pwid, 0) = 1 THEN 1 ELSE 0 END) AS injecting,
                               SUM(CASE WHEN COALESCE(c.route, '') <> 'INJECTING' AND COALESCE(k.pwid, 0) = 0
                                         AND (c.route IN ('SMOKING', 'INHALING', 'ORAL') OR COALESCE(k.pwud, 0) = 1)
                                        THEN 1 ELSE 0 END) AS non_injecting,
                               SUM(CASE WHEN c.gender IN ('FEMALE', 'TRANSGENDER_WOMAN') THEN 1 ELSE 0 END) AS women,
                               SUM(CASE WHEN c.birth_year > :youngest THEN 1 ELSE 0 END) AS youth,
                               SUM(CASE WHEN c.gender IN ('TRANSGENDER_WOMAN', 'TRANSGENDER_MAN') OR COALESCE(k.tg, 0) = 1
                                        THEN 1 ELSE 0 END) AS transgender
                        FROM clients c
                        LEFT JOIN (SELECT client_id,
                                          MAX(CASE WHEN key_population = 'PEOPLE_WHO_INJECT_DRUGS' THEN 1 ELSE 0 END) AS pwid,
                                          MAX(CASE WHEN key_population = 'PEOPLE_WHO_USE_DRUGS_NOT_INJECTING' THEN 1 ELSE 0 END) AS pwud,
                                          MAX(CASE WHEN key_population = 'TRANSGENDER_PERSON' THEN 1 ELSE 0 END) AS tg
                                   FROM client_key_populations GROUP BY client_id) k ON k.client_id = c.id
                        WHERE c.organisation_id = :organisation AND c.merged_into IS NULL AND c.enrolment_hotspot IS NOT NULL
                          AND c.first_contact <= :to AND c.last_contact >= :from
                        GROUP BY c.enrolment_hotspot
                        ORDER BY c.enrolment_hotspot""")
                .param("organisation", organisationId).param("from", from).param("to", to)
                .param("youngest", to.getYear() - 25)
                .query((rs, n) -> new HotspotReach(rs.getString("hotspot"), rs.getInt("total"), rs.getInt("injecting"),
                        rs.getInt("non_injecting"), rs.getInt("women"), rs.getInt("youth"), rs.getInt("transgender")))
                .list();
    }

    /**
     * The organisation's clients still followed (no closing status, or detained) with the peer educator the registry
     * names, or null: client id to peer id.
     */
    public Map<Long, Long> followedClientsAndPeers(long organisationId) {
        Map<Long, Long> found = new HashMap<>();
        jdbc.sql("""
                        SELECT id, peer_educator_id FROM clients
                        WHERE organisation_id = ? AND (explicit_status IS NULL OR explicit_status = 'DETAINED')""")
                .param(organisationId).query(rs -> {
                    found.put(rs.getLong(1), rs.getObject(2, Long.class));
                });
        return found;
    }

    public long count(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM clients WHERE organisation_id = ? AND merged_into IS NULL").param(organisationId).query(Long.class).single();
    }

    public Optional<StoredClient> byId(long id) {
        return withKeyPopulations(jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ClientStore::map).list()).stream().findFirst();
    }

    public Optional<StoredClient> byUic(long organisationId, String uic) {
        return withKeyPopulations(jdbc.sql(SELECT + " WHERE organisation_id = ? AND uic = ?").params(organisationId, uic)
                .query(ClientStore::map).list()).stream().findFirst();
    }

    public List<StoredClient> byUics(long organisationId, Collection<String> uics) {
        if (uics.isEmpty()) {
            return List.of();
        }
        return withKeyPopulations(jdbc.sql(SELECT + " WHERE organisation_id = :organisation AND uic IN (:uics) ORDER BY uic")
                .param("organisation", organisationId).param("uics", List.copyOf(uics)).query(ClientStore::map).list());
    }

    /** Every client of the organisation, oldest first; merged records are left out. */
    public List<StoredClient> all(long organisationId) {
        return withKeyPopulations(jdbc.sql(SELECT + " WHERE organisation_id = ? AND merged_into IS NULL ORDER BY id").param(organisationId)
                .query(ClientStore::map).list());
    }

    /** The organisation's clients among these ids, in one query (plus one for key populations). */
    public List<StoredClient> byIds(long organisationId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withKeyPopulations(jdbc.sql(SELECT + " WHERE organisation_id = :organisation AND id IN (:ids)")
                .param("organisation", organisationId).param("ids", List.copyOf(ids)).query(ClientStore::map).list());
    }

    /**
     * The same rows without their key populations (left empty), for work that only reads dates and status: moving
     * contact dates on every recorded encounter saves the second query.
     */
    public List<StoredClient> byIdsWithoutKeyPopulations(long organisationId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE organisation_id = :organisation AND id IN (:ids)")
                .param("organisation", organisationId).param("ids", List.copyOf(ids)).query(ClientStore::map).list();
    }

    /** New first and last contact dates for many clients in one JDBC batch. */
    public void setContactsAll(List<ContactDates> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbcTemplate.batchUpdate("UPDATE clients SET first_contact = ?, last_contact = ?, updated_at = ? WHERE id = ?",
                changes, changes.size(), (statement, change) -> {
                    statement.setObject(1, change.first());
                    statement.setObject(2, change.last());
                    statement.setTimestamp(3, at);
                    statement.setLong(4, change.clientId());
                });
    }

    public record ContactDates(long clientId, LocalDate first, LocalDate last) {
    }

    /** The codes of these clients that belong to the organisation, by client id; others are left out. */
    public Map<Long, String> codesOf(long organisationId, Collection<Long> clientIds) {
        Map<Long, String> codes = new LinkedHashMap<>();
        if (clientIds.isEmpty()) {
            return codes;
        }
        jdbc.sql("SELECT id, uic FROM clients WHERE organisation_id = :organisation AND id IN (:ids) ORDER BY id")
                .param("organisation", organisationId).param("ids", List.copyOf(clientIds))
                .query(rs -> {
                    codes.put(rs.getLong("id"), rs.getString("uic"));
                });
        return codes;
    }

    /** Every code of the organisation's records in use (merged ones left out), for the near-match check. */
    public List<String> codes(long organisationId) {
        return jdbc.sql("SELECT uic FROM clients WHERE organisation_id = ? AND merged_into IS NULL").param(organisationId).query(String.class).list();
    }

    /** Every code of the organisation, merged records included (their codes stay taken). */
    public List<String> codesIncludingMerged(long organisationId) {
        return jdbc.sql("SELECT uic FROM clients WHERE organisation_id = ?").param(organisationId).query(String.class).list();
    }

    public long insert(NewClient client, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO clients (organisation_id, uic, gender, birth_year, primary_drug, secondary_drug, route,
                                             enrolment_site_id, enrolment_hotspot, peer_educator_id, first_contact,
                                             last_contact, care_stage, alias, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(client.organisationId(), client.uic(), client.gender().name(), client.birthYear(),
                        name(client.primaryDrug()), name(client.secondaryDrug()), name(client.route()),
                        client.enrolmentSiteId(), client.enrolmentHotspot(), client.peerEducatorId(),
                        client.firstContact(), client.firstContact(), client.stage().name(), client.alias(),
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceKeyPopulations(id, client.keyPopulations());
        return id;
    }

    /** Changes the facts (never the code); the first contact moves the last contact along when it passes it. */
    public void update(long id, NewClient client, Instant now) {
        jdbc.sql("""
                        UPDATE clients SET gender = ?, birth_year = ?, primary_drug = ?, secondary_drug = ?, route = ?,
                               enrolment_site_id = ?, enrolment_hotspot = ?, peer_educator_id = ?, first_contact = ?,
                               last_contact = CASE WHEN last_contact < ? THEN ? ELSE last_contact END, alias = ?,
                               updated_at = ?
                        WHERE id = ?""")
                .params(client.gender().name(), client.birthYear(), name(client.primaryDrug()),
                        name(client.secondaryDrug()), name(client.route()), client.enrolmentSiteId(),
                        client.enrolmentHotspot(), client.peerEducatorId(), client.firstContact(), client.firstContact(),
                        client.firstContact(), client.alias(), Timestamp.from(now), id)
                .update();
        replaceKeyPopulations(id, client.keyPopulations());
    }

    public void setContacts(long id, LocalDate first, LocalDate last, Instant now) {
        jdbc.sql("UPDATE clients SET first_contact = ?, last_contact = ?, updated_at = ? WHERE id = ?")
                .params(first, last, Timestamp.from(now), id).update();
    }

    public void setExplicitStatus(long id, ClientStatus status, LocalDate date, Instant now) {
        jdbc.sql("UPDATE clients SET explicit_status = ?, explicit_status_date = ?, updated_at = ? WHERE id = ?")
                .params(status == null ? null : status.name(), status == null ? null : date, Timestamp.from(now), id).update();
    }

    public void setStage(long id, CareStage stage, Instant now) {
        jdbc.sql("UPDATE clients SET care_stage = ?, updated_at = ? WHERE id = ?").params(stage.name(), Timestamp.from(now), id).update();
    }

    private void replaceKeyPopulations(long id, Set<KeyPopulation> populations) {
        jdbc.sql("DELETE FROM client_key_populations WHERE client_id = ?").param(id).update();
        for (KeyPopulation population : populations) {
            jdbc.sql("INSERT INTO client_key_populations (client_id, key_population) VALUES (?, ?)")
                    .params(id, population.name()).update();
        }
    }

    // ---- search

    public List<StoredClient> search(long organisationId, ClientSearch search, StatusCutoffs cutoffs, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(organisationId, search, cutoffs, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return withKeyPopulations(jdbc.sql(SELECT + where + " ORDER BY uic LIMIT :limit OFFSET :offset").params(params)
                .query(ClientStore::map).list());
    }

    public long count(long organisationId, ClientSearch search, StatusCutoffs cutoffs) {
        Map<String, Object> params = new HashMap<>();
        String where = where(organisationId, search, cutoffs, params);
        return jdbc.sql("SELECT COUNT(*) FROM clients" + where).params(params).query(Long.class).single();
    }

    private static String where(long organisationId, ClientSearch search, StatusCutoffs cutoffs, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE organisation_id = :organisation AND merged_into IS NULL");
        params.put("organisation", organisationId);
        if (search.code() != null && !search.code().isEmpty()) {
            where.append(" AND uic LIKE :code");
            params.put("code", search.code().replace("%", "").replace("_", "") + "%");
        }
        if (search.siteId() != null) {
            where.append(" AND enrolment_site_id = :site");
            params.put("site", search.siteId());
        }
        if (search.lastContactBefore() != null) {
            where.append(" AND last_contact < :lastContactBefore");
            params.put("lastContactBefore", search.lastContactBefore());
        }
        if (search.keyPopulation() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM client_key_populations k WHERE k.client_id = clients.id AND k.key_population = :population)");
            params.put("population", search.keyPopulation().name());
        }
        if (search.status() != null) {
            params.put("activeSince", cutoffs.activeSince());
            params.put("lostBefore", cutoffs.lostBefore());
            switch (search.status()) {
                case ACTIVE -> where.append(" AND explicit_status IS NULL AND last_contact >= :activeSince");
                case DEFAULTER -> where.append(" AND explicit_status IS NULL AND last_contact < :activeSince AND last_contact >= :lostBefore");
                case LOST_TO_FOLLOW_UP -> where.append(" AND explicit_status IS NULL AND last_contact < :lostBefore");
                default -> {
                    where.append(" AND explicit_status = :status");
                    params.put("status", search.status().name());
                }
            }
        }
        return where.toString();
    }

    // ---- history

    public void addStatusChange(long clientId, ClientStatus status, LocalDate date, String reason, Long recordedBy, Instant now) {
        jdbc.sql("INSERT INTO client_status_changes (client_id, status, status_date, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(clientId, status.name(), date, reason, recordedBy, Timestamp.from(now)).update();
    }

    public void addStageChange(long clientId, CareStage stage, LocalDate date, String note, Long recordedBy, Instant now) {
        jdbc.sql("INSERT INTO client_stage_changes (client_id, stage, stage_date, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(clientId, stage.name(), date, note, recordedBy, Timestamp.from(now)).update();
    }

    public List<HistoryEntry> statusChanges(long clientId) {
        return jdbc.sql("""
                        SELECT c.id, c.status AS entry_value, c.status_date AS changed_on, c.reason AS entry_text, c.recorded_by,
                               c.recorded_at
                        FROM client_status_changes c
                        WHERE c.client_id = ? ORDER BY c.status_date DESC, c.id DESC""")
                .param(clientId).query(ClientStore::history).list();
    }

    public List<HistoryEntry> stageChanges(long clientId) {
        return jdbc.sql("""
                        SELECT c.id, c.stage AS entry_value, c.stage_date AS changed_on, c.note AS entry_text, c.recorded_by,
                               c.recorded_at
                        FROM client_stage_changes c
                        WHERE c.client_id = ? ORDER BY c.stage_date DESC, c.id DESC""")
                .param(clientId).query(ClientStore::history).list();
    }

    public void addDuplicateDecision(long organisationId, String newCode, long candidateClientId, String kind,
                                     DuplicateDecision decision, Long decidedBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO duplicate_decisions (organisation_id, new_code, candidate_client_id, match_kind, decision,
                                                         decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, newCode, candidateClientId, kind, decision.name(), decidedBy, Timestamp.from(now))
                .update();
    }

    /** Decisions taken about a new code, as "candidate client id: decision". */
    public Map<Long, DuplicateDecision> duplicateDecisions(long organisationId, String newCode) {
        Map<Long, DuplicateDecision> decisions = new LinkedHashMap<>();
        jdbc.sql("SELECT candidate_client_id, decision FROM duplicate_decisions WHERE organisation_id = ? AND new_code = ? ORDER BY id")
                .params(organisationId, newCode)
                .query(rs -> {
                    decisions.put(rs.getLong("candidate_client_id"), DuplicateDecision.valueOf(rs.getString("decision")));
                });
        return decisions;
    }

    // ---- staff accounts named as peer educators (read only; accounts belong to the accounts capability)

    // ---- mapping

    private List<StoredClient> withKeyPopulations(List<StoredClient> clients) {
        if (clients.isEmpty()) {
            return clients;
        }
        Map<Long, Set<KeyPopulation>> populations = new HashMap<>();
        jdbc.sql("SELECT client_id, key_population FROM client_key_populations WHERE client_id IN (:ids)")
                .param("ids", clients.stream().map(StoredClient::id).toList())
                .query(rs -> {
                    populations.computeIfAbsent(rs.getLong("client_id"), id -> EnumSet.noneOf(KeyPopulation.class))
                            .add(KeyPopulation.valueOf(rs.getString("key_population")));
                });
        List<StoredClient> complete = new ArrayList<>(clients.size());
        for (StoredClient client : clients) {
            complete.add(client.withKeyPopulations(populations.getOrDefault(client.id(), Set.of())));
        }
        return complete;
    }

    private static StoredClient map(ResultSet rs, int row) throws SQLException {
        return new StoredClient(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("uic"),
                Gender.valueOf(rs.getString("gender")), rs.getObject("birth_year", Integer.class), Set.of(),
                value(Drug.class, rs.getString("primary_drug")), value(Drug.class, rs.getString("secondary_drug")),
                value(Route.class, rs.getString("route")), rs.getLong("enrolment_site_id"),
                rs.getString("enrolment_hotspot"), rs.getObject("peer_educator_id", Long.class),
                rs.getObject("first_contact", LocalDate.class), rs.getObject("last_contact", LocalDate.class),
                value(ClientStatus.class, rs.getString("explicit_status")),
                rs.getObject("explicit_status_date", LocalDate.class), CareStage.valueOf(rs.getString("care_stage")),
                rs.getString("alias"), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("merged_into", Long.class));
    }

    private static HistoryEntry history(ResultSet rs, int row) throws SQLException {
        return new HistoryEntry(rs.getLong("id"), rs.getString("entry_value"), rs.getObject("changed_on", LocalDate.class),
                rs.getString("entry_text"), rs.getObject("recorded_by", Long.class), null,
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
