package org.reach.followup.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.followup.Detention;
import org.reach.followup.FacilityType;
import org.reach.followup.OatInside;
import org.reach.followup.TracingAttempt;
import org.reach.followup.TracingMethod;
import org.reach.followup.TracingOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Follow-up's own tables: peer assignments, contact rhythms, tracing attempts and returns, detention episodes. */
@Repository
public class FollowUpStore {

    private final JdbcClient jdbc;

    FollowUpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static long insert(JdbcClient.StatementSpec statement) {
        KeyHolder keys = new GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    // ---- peer assignments

    public Map<Long, Long> assignments(long organisationId) {
        Map<Long, Long> found = new HashMap<>();
        jdbc.sql("SELECT client_id, peer_id FROM followup_peer_assignments WHERE organisation_id = ?")
                .param(organisationId).query(rs -> {
                    found.put(rs.getLong(1), rs.getLong(2));
                });
        return found;
    }

    public void assign(long organisationId, long clientId, Long peerId, long by, Instant now) {
        jdbc.sql("DELETE FROM followup_peer_assignments WHERE organisation_id = ? AND client_id = ?")
                .params(organisationId, clientId).update();
        if (peerId != null) {
            jdbc.sql("""
                    INSERT INTO followup_peer_assignments (client_id, organisation_id, peer_id, assigned_by, assigned_at)
                    VALUES (?, ?, ?, ?, ?)""").params(clientId, organisationId, peerId, by, at(now)).update();
        }
    }

    // ---- contact rhythm

    /** The organisation's own rhythm as {injecting days, other days}, if its manager set one. */
    public Optional<int[]> contactRhythm(long organisationId) {
        return jdbc.sql("SELECT injecting_days, other_days FROM followup_contact_rhythms WHERE organisation_id = ?")
                .param(organisationId).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional();
    }

    public void saveContactRhythm(long organisationId, int injectingDays, int otherDays, long by, Instant now) {
        int updated = jdbc.sql("""
                UPDATE followup_contact_rhythms SET injecting_days = ?, other_days = ?, changed_by = ?, changed_at = ?
                WHERE organisation_id = ?""").params(injectingDays, otherDays, by, at(now), organisationId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO followup_contact_rhythms (organisation_id, injecting_days, other_days, changed_by, changed_at)
                    VALUES (?, ?, ?, ?, ?)""").params(organisationId, injectingDays, otherDays, by, at(now)).update();
        }
    }

    // ---- tracing

    private static final String ATTEMPT = """
            SELECT id, organisation_id, client_id, method, attempt_date, outcome, moved_to_city, note, recorded_by
            FROM followup_tracing_attempts""";

    public long insertAttempt(long organisationId, long clientId, Long clientSiteId, TracingMethod method, LocalDate date,
                              TracingOutcome outcome, String city, String note, long by, Instant now) {
        return insert(jdbc.sql("""
                INSERT INTO followup_tracing_attempts (organisation_id, client_id, client_site_id, method, attempt_date,
                    outcome, moved_to_city, note, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, clientId, clientSiteId, method.name(), date, outcome.name(), city, note, by,
                        at(now)));
    }

    public List<TracingAttempt> attempts(long organisationId, Long clientId, LocalDate from, int limit) {
        StringBuilder sql = new StringBuilder(ATTEMPT).append(" WHERE organisation_id = :org");
        Map<String, Object> params = new HashMap<>(Map.of("org", organisationId, "limit", limit));
        if (clientId != null) {
            sql.append(" AND client_id = :client");
            params.put("client", clientId);
        }
        if (from != null) {
            sql.append(" AND attempt_date >= :from");
            params.put("from", from);
        }
        return jdbc.sql(sql + " ORDER BY attempt_date DESC, id DESC LIMIT :limit").params(params)
                .query(FollowUpStore::attempt).list();
    }

    public Optional<TracingAttempt> attempt(long id) {
        return jdbc.sql(ATTEMPT + " WHERE id = ?").param(id).query(FollowUpStore::attempt).optional();
    }

    private static TracingAttempt attempt(ResultSet rs, int n) throws SQLException {
        return new TracingAttempt(rs.getLong(1), rs.getLong(2), rs.getLong(3), TracingMethod.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), TracingOutcome.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8), rs.getLong(9));
    }

    /** The first attempt of the client's current tracing: the earliest after their last return, or null. */
    public LocalDate tracedFrom(long organisationId, long clientId) {
        return jdbc.sql("""
                SELECT MIN(a.attempt_date) FROM followup_tracing_attempts a
                WHERE a.organisation_id = :org AND a.client_id = :client
                  AND a.attempt_date > COALESCE((SELECT MAX(r.returned_on) FROM followup_returns r
                      WHERE r.organisation_id = :org AND r.client_id = :client), DATE '1900-01-01')""")
                .param("org", organisationId).param("client", clientId).query(LocalDate.class).optional().orElse(null);
    }

    public void recordReturn(long organisationId, long clientId, LocalDate tracedFrom, LocalDate returnedOn, Instant now) {
        jdbc.sql("""
                INSERT INTO followup_returns (organisation_id, client_id, traced_from, returned_on, created_at)
                VALUES (?, ?, ?, ?, ?)""").params(organisationId, clientId, tracedFrom, returnedOn, at(now)).update();
    }

    /** Per client traced in the period: the first attempt in it, the outcomes seen and the return after it, if any. */
    public record TracedClient(long organisationId, long clientId, LocalDate firstAttempt, LocalDate returnedOn,
                               List<String> outcomes) {
    }

    public List<TracedClient> traced(Collection<Long> organisationIds, Long siteId, LocalDate start, LocalDate end) {
        Map<Long, TracedClient> byClient = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, client_id, attempt_date, outcome FROM followup_tracing_attempts
                WHERE organisation_id IN (:orgs) AND attempt_date BETWEEN :start AND :end
                  AND (client_site_id = :site OR :all = TRUE)
                ORDER BY attempt_date, id""")
                .param("orgs", List.copyOf(organisationIds)).param("start", start).param("end", end)
                .param("site", siteId == null ? -1L : siteId).param("all", siteId == null)
                .query(rs -> {
                    long client = rs.getLong(2);
                    TracedClient seen = byClient.get(client);
                    List<String> outcomes = seen == null ? new java.util.ArrayList<>() : seen.outcomes();
                    outcomes.add(rs.getString(4));
                    if (seen == null) {
                        byClient.put(client, new TracedClient(rs.getLong(1), client, rs.getObject(3, LocalDate.class),
                                null, outcomes));
                    }
                });
        if (byClient.isEmpty()) {
            return List.of();
        }
        Map<Long, LocalDate> returns = new HashMap<>();
        jdbc.sql("""
                SELECT client_id, returned_on FROM followup_returns
                WHERE organisation_id IN (:orgs) AND returned_on >= :start ORDER BY returned_on""")
                .param("orgs", List.copyOf(organisationIds)).param("start", start)
                .query(rs -> {
                    TracedClient traced = byClient.get(rs.getLong(1));
                    LocalDate on = rs.getObject(2, LocalDate.class);
                    if (traced != null && !on.isBefore(traced.firstAttempt())) {
                        returns.putIfAbsent(rs.getLong(1), on);
                    }
                });
        return byClient.values().stream().map(t -> new TracedClient(t.organisationId(), t.clientId(), t.firstAttempt(),
                returns.get(t.clientId()), List.copyOf(t.outcomes()))).toList();
    }

    // ---- detentions

    private static final String DETENTION = """
            SELECT id, organisation_id, client_id, facility_type, facility_name, started_on, expected_release, released_on,
                   oat_inside, naloxone_on_release, contacted_on FROM followup_detentions""";

    public long insertDetention(long organisationId, long clientId, Long clientSiteId, FacilityType type, String name,
                                LocalDate start, LocalDate expected, OatInside oat, long by, Instant now) {
        return insert(jdbc.sql("""
                INSERT INTO followup_detentions (organisation_id, client_id, client_site_id, facility_type, facility_name,
                    started_on, expected_release, oat_inside, recorded_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, clientId, clientSiteId, type.name(), name, start, expected, oat.name(), by,
                        at(now), at(now)));
    }

    public void release(long id, LocalDate releasedOn, OatInside oat, Boolean naloxone, Instant now) {
        jdbc.sql("""
                UPDATE followup_detentions SET released_on = ?, oat_inside = ?, naloxone_on_release = ?, updated_at = ?
                WHERE id = ?""").params(releasedOn, oat.name(), naloxone, at(now), id).update();
    }

    /** The first contact after release, once. */
    public void contactedAfterRelease(long id, LocalDate on, Instant now) {
        jdbc.sql("UPDATE followup_detentions SET contacted_on = ?, updated_at = ? WHERE id = ? AND contacted_on IS NULL")
                .params(on, at(now), id).update();
    }

    public Optional<Detention> detention(long id) {
        return jdbc.sql(DETENTION + " WHERE id = ?").param(id).query(FollowUpStore::detention).optional();
    }

    public List<Detention> detentions(long organisationId, Long clientId, boolean openOnly, int limit) {
        StringBuilder sql = new StringBuilder(DETENTION).append(" WHERE organisation_id = :org");
        Map<String, Object> params = new HashMap<>(Map.of("org", organisationId, "limit", limit));
        if (clientId != null) {
            sql.append(" AND client_id = :client");
            params.put("client", clientId);
        }
        if (openOnly) {
            sql.append(" AND released_on IS NULL");
        }
        return jdbc.sql(sql + " ORDER BY started_on DESC, id DESC LIMIT :limit").params(params)
                .query(FollowUpStore::detention).list();
    }

    /** Releases on or after a day (for worklists and the contact after release). */
    public List<Detention> releasedSince(long organisationId, LocalDate since) {
        return jdbc.sql(DETENTION + " WHERE organisation_id = ? AND released_on >= ? ORDER BY released_on")
                .params(organisationId, since).query(FollowUpStore::detention).list();
    }

    /** Episodes of these organisations that overlap the period. */
    public List<Detention> detentionsOverlapping(Collection<Long> organisationIds, Long siteId, LocalDate start,
                                                 LocalDate end) {
        return jdbc.sql(DETENTION + " " + """
                 WHERE organisation_id IN (:orgs) AND started_on <= :end AND (released_on IS NULL OR released_on >= :start)
                   AND (client_site_id = :site OR :all = TRUE)""")
                .param("orgs", List.copyOf(organisationIds)).param("start", start).param("end", end)
                .param("site", siteId == null ? -1L : siteId).param("all", siteId == null)
                .query(FollowUpStore::detention).list();
    }

    private static Detention detention(ResultSet rs, int n) throws SQLException {
        return new Detention(rs.getLong(1), rs.getLong(2), rs.getLong(3), FacilityType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), OatInside.valueOf(rs.getString(9)), (Boolean) rs.getObject(10),
                rs.getObject(11, LocalDate.class));
    }

    // ---- moves

    public void insertMove(long programmeId, long organisationId, long clientId, String fromCity, String toCity,
                           LocalDate on, String source, Instant now) {
        jdbc.sql("""
                INSERT INTO followup_moves (programme_id, organisation_id, client_id, from_city, to_city, moved_on, source,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(programmeId, organisationId, clientId, fromCity, toCity, on, source, at(now)).update();
    }

    /** One cell of the flow table: people who moved from one city to another in the period (each person once). */
    public record Flow(String fromCity, String toCity, long people) {
    }

    public List<Flow> flows(long programmeId, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                SELECT from_city, to_city, COUNT(DISTINCT CAST(organisation_id AS VARCHAR(20)) || ':' || CAST(client_id AS VARCHAR(20)))
                FROM followup_moves WHERE programme_id = ? AND moved_on BETWEEN ? AND ?
                GROUP BY from_city, to_city""")
                .params(programmeId, start, end)
                .query((rs, n) -> new Flow(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    // ---- partner directory

    public record StoredPartnerService(long id, long organisationId, long siteId, String servicesOffered,
                                       String openingHours, boolean womenWelcome, boolean nonInjectorsWelcome) {
    }

    private static final String PARTNER = """
            SELECT id, organisation_id, site_id, services_offered, opening_hours, women_welcome, non_injectors_welcome
            FROM followup_partner_services""";

    public List<StoredPartnerService> partnerServices(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PARTNER + " WHERE organisation_id IN (:orgs) ORDER BY id")
                .param("orgs", List.copyOf(organisationIds)).query(FollowUpStore::partner).list();
    }

    public Optional<StoredPartnerService> partnerService(long id) {
        return jdbc.sql(PARTNER + " WHERE id = ?").param(id).query(FollowUpStore::partner).optional();
    }

    public long savePartnerService(long organisationId, long siteId, String services, String hours, boolean women,
                                   boolean nonInjectors, long by, Instant now) {
        int updated = jdbc.sql("""
                UPDATE followup_partner_services SET services_offered = ?, opening_hours = ?, women_welcome = ?,
                    non_injectors_welcome = ?, updated_by = ?, updated_at = ? WHERE site_id = ?""")
                .params(services, hours, women, nonInjectors, by, at(now), siteId).update();
        if (updated == 0) {
            return insert(jdbc.sql("""
                    INSERT INTO followup_partner_services (organisation_id, site_id, services_offered, opening_hours,
                        women_welcome, non_injectors_welcome, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(organisationId, siteId, services, hours, women, nonInjectors, by, at(now)));
        }
        return jdbc.sql("SELECT id FROM followup_partner_services WHERE site_id = ?").param(siteId).query(Long.class).single();
    }

    private static StoredPartnerService partner(ResultSet rs, int n) throws SQLException {
        return new StoredPartnerService(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getBoolean(7));
    }

    // ---- transfers

    public record StoredTransfer(long id, long programmeId, String kind, long fromOrganisationId, long fromClientId,
                                 String fromCity, long partnerServiceId, long toOrganisationId, long toSiteId,
                                 String toCity, LocalDate consentOn, LocalDate sentOn, String sharedCode,
                                 String sharedKeyPopulations, Integer sharedOatDose, String sharedOpenReferrals,
                                 String status, LocalDate outcomeOn, Long toClientId) {
    }

    private static final String TRANSFER = """
            SELECT id, programme_id, kind, from_organisation_id, from_client_id, from_city, partner_service_id,
                   to_organisation_id, to_site_id, to_city, consent_on, sent_on, shared_code, shared_key_populations,
                   shared_oat_dose, shared_open_referrals, status, outcome_on, to_client_id FROM followup_transfers""";

    public long insertTransfer(StoredTransfer t, long by, Instant now) {
        return insert(jdbc.sql("""
                INSERT INTO followup_transfers (programme_id, kind, from_organisation_id, from_client_id, from_city,
                    partner_service_id, to_organisation_id, to_site_id, to_city, consent_on, sent_on, shared_code,
                    shared_key_populations, shared_oat_dose, shared_open_referrals, status, sent_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.programmeId(), t.kind(), t.fromOrganisationId(), t.fromClientId(), t.fromCity(),
                        t.partnerServiceId(), t.toOrganisationId(), t.toSiteId(), t.toCity(), t.consentOn(), t.sentOn(),
                        t.sharedCode(), t.sharedKeyPopulations(), t.sharedOatDose(), t.sharedOpenReferrals(), t.status(),
                        by, at(now), at(now)));
    }

    public Optional<StoredTransfer> transfer(long id) {
        return jdbc.sql(TRANSFER + " WHERE id = ?").param(id).query(FollowUpStore::transfer).optional();
    }

    public List<StoredTransfer> transfersFrom(long organisationId, Long clientId, int limit) {
        return jdbc.sql(TRANSFER + " WHERE from_organisation_id = :org"
                        + (clientId == null ? "" : " AND from_client_id = :client") + " ORDER BY sent_on DESC, id DESC LIMIT :limit")
                .params(clientId == null ? Map.of("org", organisationId, "limit", limit)
                        : Map.of("org", organisationId, "client", clientId, "limit", limit))
                .query(FollowUpStore::transfer).list();
    }

    public List<StoredTransfer> transfersTo(long organisationId, int limit) {
        return jdbc.sql(TRANSFER + " WHERE to_organisation_id = ? ORDER BY status DESC, sent_on DESC, id DESC LIMIT ?")
                .params(organisationId, limit).query(FollowUpStore::transfer).list();
    }

    /** Closes a pending transfer; false when it was no longer pending (closed by someone else meanwhile). */
    public boolean closeTransfer(long id, String status, LocalDate on, Long toClientId, long by, Instant now) {
        return jdbc.sql("""
                UPDATE followup_transfers SET status = ?, outcome_on = ?, to_client_id = ?, closed_by = ?, updated_at = ?
                WHERE id = ? AND status = 'PENDING'""").params(status, on, toClientId, by, at(now), id).update() == 1;
    }

    private static StoredTransfer transfer(ResultSet rs, int n) throws SQLException {
        return new StoredTransfer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10),
                rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getString(13), rs.getString(14),
                (Integer) rs.getObject(15), rs.getString(16), rs.getString(17), rs.getObject(18, LocalDate.class),
                (Long) rs.getObject(19));
    }
}
