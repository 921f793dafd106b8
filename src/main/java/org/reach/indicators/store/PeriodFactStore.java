package org.reach.indicators.store;

import org.reach.clients.ClientSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.indicators.store.PeriodFacts.Client;
import org.reach.indicators.store.PeriodFacts.Dispensation;
import org.reach.indicators.store.PeriodFacts.PlaceAmounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Summarises the client and service tables per client for one period (read-only SQL over the clients and
 * services capabilities' tables). The database does the grouping: a million clients come back as a million
 * summary rows, however many encounters they had. The same queries, narrowed to a few clients or to anonymous
 * encounters, refresh a cached summary after new records.
 */
@Repository
public class PeriodFactStore {

    public static final Set<String> OAT = Set.of("OAT_METHADONE", "OAT_BUPRENORPHINE");
    public static final Set<String> BASIC_NEEDS = Set.of("SHOWER", "LAUNDRY", "FOOD");
    /** The longest an OAT dispensation is taken to cover; longer entries are capped (see docs/indicators.md). */
    public static final int MAX_DOSE_DAYS = 120;

    private static final List<String> KEY_POPULATIONS = List.of("PEOPLE_WHO_INJECT_DRUGS",
            "PEOPLE_WHO_USE_DRUGS_NOT_INJECTING", "SEX_WORKER", "MEN_WHO_HAVE_SEX_WITH_MEN", "TRANSGENDER_PERSON",
            "PEOPLE_IN_PRISON", "OTHER");

    private final JdbcClient jdbc;

    PeriodFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which rows to read: everything, some clients only, or the anonymous encounters only. */
    public record Only(Collection<Long> clientIds, boolean anonymous) {
        public static final Only EVERYTHING = new Only(null, false);

        public static Only clients(Collection<Long> ids) {
            return new Only(List.copyOf(ids), false);
        }

        public static final Only ANONYMOUS = new Only(List.of(), true);
    }

    /** The first day the look-back window must cover: the period and every organisation's active and LTFU cut-off. */
    public static LocalDate windowStart(LocalDate start, LocalDate end, Collection<ClientSettings> statusRules) {
        LocalDate from = start;
        for (ClientSettings rule : statusRules) {
            for (LocalDate cutoff : List.of(rule.activeSince(end), rule.lostBefore(end))) {
                if (cutoff.isBefore(from)) {
                    from = cutoff;
                }
            }
        }
        return from;
    }

    public PeriodFacts load(List<Long> organisationIds, Long siteId, LocalDate start, LocalDate end,
                            Set<String> receivedCodes, Only only, Map<Long, ClientSettings> statusRules) {
        if (organisationIds.isEmpty() || (only.clientIds() != null && only.clientIds().isEmpty() && !only.anonymous())) {
            return new PeriodFacts(Map.of(), List.of(), Map.of());
        }
        Map<String, Object> p = new HashMap<>();
        p.put("orgs", organisationIds);
        p.put("start", start);
        p.put("end", end);
        p.put("site", siteId);
        p.put("windowStart", windowStart(start, end, statusRules.values()));
        p.put("oatFrom", start.minusMonths(1).minusDays(MAX_DOSE_DAYS));
        p.put("oat", OAT);
        String clientSite = siteId == null ? "" : " AND c.enrolment_site_id = :site";
        String encounterSite = siteId == null ? "" : " AND e.site_id = :site";
        String onlyClients = "";
        String onlyEncounterClients = "";
        String onlyKeyPopulations = "";
        if (only.anonymous()) {
            onlyClients = " AND 1 = 0";
            onlyKeyPopulations = "WHERE 1 = 0 ";
            onlyEncounterClients = " AND e.client_id IS NULL";
        } else if (only.clientIds() != null) {
            p.put("only", only.clientIds());
            onlyClients = " AND c.id IN (:only)";
            // the grouping of key populations would otherwise run over every client to refresh a few
            onlyKeyPopulations = "WHERE k.client_id IN (:only) ";
            onlyEncounterClients = " AND e.client_id IN (:only)";
        }

        Map<Long, String> cities = new HashMap<>();
        jdbc.sql("SELECT id, city FROM sites WHERE organisation_id IN (:orgs) AND city IS NOT NULL").params(p)
                .query((rs, n) -> cities.put(rs.getLong(1), rs.getString(2))).list();

        Map<Long, Row> rows = new HashMap<>();
        StringBuilder mask = new StringBuilder("SUM(CASE k.key_population");
        for (int i = 0; i < KEY_POPULATIONS.size(); i++) {
            mask.append(" WHEN '").append(KEY_POPULATIONS.get(i)).append("' THEN ").append(1 << i);
        }
        mask.append(" ELSE 0 END)");
        jdbc.sql("SELECT c.id, c.organisation_id, c.gender, c.birth_year, c.primary_drug, c.route, c.enrolment_site_id, "
                        + "c.enrolment_hotspot, c.first_contact, c.explicit_status, c.explicit_status_date, kp.mask "
                        + "FROM clients c LEFT JOIN (SELECT k.client_id, " + mask + " AS mask FROM client_key_populations k "
                        + onlyKeyPopulations + "GROUP BY k.client_id) kp ON kp.client_id = c.id "
                        + "WHERE c.organisation_id IN (:orgs) AND c.first_contact <= :end" + clientSite + onlyClients)
                .params(p).query((rs, n) -> {
                    Row r = new Row();
                    r.id = rs.getLong(1);
                    r.organisationId = rs.getLong(2);
                    r.gender = rs.getString(3);
                    int birth = rs.getInt(4);
                    r.birthYear = rs.wasNull() ? null : birth;
                    r.drug = rs.getString(5);
                    r.route = rs.getString(6);
                    r.siteId = rs.getLong(7);
                    r.hotspot = rs.getString(8);
                    r.firstContact = rs.getDate(9).toLocalDate();
                    r.explicitStatus = rs.getString(10);
                    r.explicitStatusDate = date(rs, 11);
                    r.keyPopulations = keyPopulations(rs.getInt(12));
                    return rows.put(r.id, r);
                }).list();

        // Contacts: the latest in the look-back window, and the distinct months of the period.
        jdbc.sql("SELECT e.client_id, MAX(e.encounter_date), COUNT(DISTINCT CASE WHEN e.encounter_date >= :start THEN "
                        + "EXTRACT(YEAR FROM e.encounter_date) * 100 + EXTRACT(MONTH FROM e.encounter_date) END) "
                        + "FROM encounters e WHERE e.organisation_id IN (:orgs) AND e.client_id IS NOT NULL "
                        + "AND e.encounter_date >= :windowStart AND e.encounter_date <= :end" + encounterSite
                        + onlyEncounterClients + " GROUP BY e.client_id")
                .params(p).query((rs, n) -> {
                    Row r = rows.get(rs.getLong(1));
                    if (r != null) {
                        r.lastContactInWindow = date(rs, 2);
                        r.monthsReached = rs.getInt(3);
                    }
                    return r;
                }).list();

        // Services of the period per client and place, one column pair per service code asked about.
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(receivedCodes));
        for (String code : List.of("NEEDLES_SYRINGES", "NALOXONE_KIT", "WOUND_CARE", "DENTAL_CARE",
                "MENTAL_HEALTH_SUPPORT", "SHOWER", "LAUNDRY", "FOOD", "HIV_TEST")) {
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            p.put("c" + i, codes.get(i));
            columns.append(", SUM(CASE WHEN s.code = :c").append(i).append(" THEN 1 ELSE 0 END)")
                    .append(", SUM(CASE WHEN s.code = :c").append(i).append(" THEN es.quantity ELSE 0 END)");
        }
        p.put("codes", codes);
        // column positions, looked up once rather than for each of up to a million rows
        int needles = codes.indexOf("NEEDLES_SYRINGES");
        int naloxone = codes.indexOf("NALOXONE_KIT");
        int woundCare = codes.indexOf("WOUND_CARE");
        int dentalCare = codes.indexOf("DENTAL_CARE");
        int mentalHealth = codes.indexOf("MENTAL_HEALTH_SUPPORT");
        int shower = codes.indexOf("SHOWER");
        int laundry = codes.indexOf("LAUNDRY");
        int food = codes.indexOf("FOOD");
        int hivTest = codes.indexOf("HIV_TEST");
        List<PlaceAmounts> anonymous = new ArrayList<>();
        jdbc.sql("SELECT e.client_id, e.organisation_id, e.site_id, e.hotspot, "
                        + "SUM(CASE WHEN s.code = 'HIV_TEST' AND es.result IN ('NEGATIVE', 'POSITIVE') THEN 1 ELSE 0 END)"
                        + columns + " FROM encounters e JOIN encounter_services es ON es.encounter_id = e.id "
                        + "JOIN services s ON s.id = es.service_id WHERE e.organisation_id IN (:orgs) "
                        + "AND e.encounter_date >= :start AND e.encounter_date <= :end AND s.code IN (:codes)"
                        + encounterSite + onlyEncounterClients
                        + " GROUP BY e.client_id, e.organisation_id, e.site_id, e.hotspot")
                .params(p).query((rs, n) -> {
                    Long clientId = nullableLong(rs, 1);
                    Row r = clientId == null ? null : rows.get(clientId);
                    long[] count = new long[codes.size()];
                    long[] quantity = new long[codes.size()];
                    for (int i = 0; i < codes.size(); i++) {
                        count[i] = rs.getLong(6 + 2 * i);
                        quantity[i] = rs.getLong(7 + 2 * i);
                    }
                    Long site = nullableLong(rs, 3);
                    PlaceAmounts amounts = new PlaceAmounts(clientId, rs.getLong(2), site, rs.getString(4),
                            quantity[needles], quantity[naloxone], count[woundCare], count[dentalCare],
                            count[mentalHealth], count[shower] + count[laundry] + count[food]);
                    boolean anything = amounts.needles() + amounts.naloxone() + amounts.woundCare() + amounts.dentalCare()
                            + amounts.mentalHealth() + amounts.basicNeeds() > 0;
                    if (r == null) {
                        if (anything) {
                            anonymous.add(amounts);
                        }
                        return amounts;
                    }
                    if (anything) {
                        r.amounts.add(amounts);
                    }
                    for (int i = 0; i < codes.size(); i++) {
                        if (count[i] > 0 && receivedCodes.contains(codes.get(i))) {
                            r.received.add(codes.get(i));
                        }
                    }
                    if (count[hivTest] > 0) {
                        r.testedForHiv = true;
                    }
                    if (rs.getLong(5) > 0) {
                        r.knowsHivResult = true;
                    }
                    return amounts;
                }).list();

        if (!only.anonymous()) {
            // Firsts over the whole history up to the end of the period.
            jdbc.sql("SELECT e.client_id, "
                            + "MIN(CASE WHEN s.code IN (:oat) THEN e.encounter_date END), "
                            + "MIN(CASE WHEN s.code = 'PREP' THEN e.encounter_date END), "
                            + "MIN(CASE WHEN s.code = 'HIV_TEST' AND es.result = 'POSITIVE' THEN e.encounter_date END), "
                            + "MIN(CASE WHEN s.code = 'ART_INITIATION' THEN e.encounter_date END) "
                            + "FROM encounters e JOIN encounter_services es ON es.encounter_id = e.id "
                            + "JOIN services s ON s.id = es.service_id WHERE e.organisation_id IN (:orgs) "
                            + "AND e.client_id IS NOT NULL AND e.encounter_date <= :end "
                            + "AND (s.code IN (:oat) OR s.code IN ('PREP', 'HIV_TEST', 'ART_INITIATION'))"
                            + encounterSite + onlyEncounterClients + " GROUP BY e.client_id")
                    .params(p).query((rs, n) -> {
                        Row r = rows.get(rs.getLong(1));
                        if (r != null) {
                            r.firstOat = date(rs, 2);
                            r.firstPrep = date(rs, 3);
                            r.firstPositiveTest = date(rs, 4);
                            r.firstArt = date(rs, 5);
                        }
                        return r;
                    }).list();

            jdbc.sql("SELECT e.client_id, e.encounter_date, es.quantity FROM encounters e "
                            + "JOIN encounter_services es ON es.encounter_id = e.id JOIN services s ON s.id = es.service_id "
                            + "WHERE e.organisation_id IN (:orgs) AND e.client_id IS NOT NULL AND s.code IN (:oat) "
                            + "AND e.encounter_date >= :oatFrom AND e.encounter_date <= :end" + encounterSite
                            + onlyEncounterClients)
                    .params(p).query((rs, n) -> {
                        Row r = rows.get(rs.getLong(1));
                        if (r != null) {
                            r.oat.add(new Dispensation(rs.getDate(2).toLocalDate(), rs.getInt(3)));
                        }
                        return r;
                    }).list();

            jdbc.sql("SELECT r.client_id, COUNT(*), SUM(CASE WHEN r.status = 'COMPLETED' THEN 1 ELSE 0 END) "
                            + "FROM referrals r JOIN clients c ON c.id = r.client_id WHERE r.organisation_id IN (:orgs) "
                            + "AND r.made_on >= :start AND r.made_on <= :end" + clientSite + onlyClients
                            + " GROUP BY r.client_id")
                    .params(p).query((rs, n) -> {
                        Row r = rows.get(rs.getLong(1));
                        if (r != null) {
                            r.referralsMade = rs.getInt(2);
                            r.referralsCompleted = rs.getInt(3);
                        }
                        return r;
                    }).list();

            // ART started elsewhere: a completed referral to an ART clinic counts as the start.
            jdbc.sql("SELECT r.client_id, MIN(r.closed_on) FROM referrals r JOIN clients c ON c.id = r.client_id "
                            + "WHERE r.organisation_id IN (:orgs) AND r.provider_type = 'ART_CLINIC' "
                            + "AND r.status = 'COMPLETED' AND r.closed_on <= :end" + clientSite + onlyClients
                            + " GROUP BY r.client_id")
                    .params(p).query((rs, n) -> {
                        Row r = rows.get(rs.getLong(1));
                        LocalDate completed = date(rs, 2);
                        if (r != null && (r.firstArt == null || completed.isBefore(r.firstArt))) {
                            r.firstArt = completed;
                        }
                        return r;
                    }).list();

            jdbc.sql("SELECT DISTINCT g.client_id FROM client_stage_changes g JOIN clients c ON c.id = g.client_id "
                            + "WHERE c.organisation_id IN (:orgs) AND g.stage_date >= :start AND g.stage_date <= :end "
                            + "AND g.stage <> 'HARM_REDUCTION'" + clientSite + onlyClients)
                    .params(p).query((rs, n) -> {
                        Row r = rows.get(rs.getLong(1));
                        if (r != null) {
                            r.progressed = true;
                        }
                        return r;
                    }).list();
        }

        Map<Long, Client> clients = new HashMap<>(rows.size() * 4 / 3 + 1);
        Map<Set<String>, Set<String>> shared = new HashMap<>();
        for (Row r : rows.values()) {
            clients.put(r.id, r.toClient(shared));
        }
        return new PeriodFacts(clients, anonymous, cities);
    }

    public Map<Long, String> siteNames(List<Long> organisationIds) {
        return names("SELECT id, name FROM sites WHERE organisation_id IN (:orgs)", organisationIds);
    }

    public Map<Long, String> organisationNames(List<Long> organisationIds) {
        return names("SELECT id, name FROM organisations WHERE id IN (:orgs)", organisationIds);
    }

    private Map<Long, String> names(String sql, List<Long> organisationIds) {
        Map<Long, String> names = new HashMap<>();
        if (!organisationIds.isEmpty()) {
            jdbc.sql(sql).param("orgs", organisationIds).query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return names;
    }

    /** The clients of some encounters, or null in the set for an anonymous one. */
    public Set<Long> clientsOfEncounters(Collection<Long> encounterIds) {
        Set<Long> out = new java.util.HashSet<>();
        if (!encounterIds.isEmpty()) {
            jdbc.sql("SELECT client_id FROM encounters WHERE id IN (:ids)").param("ids", encounterIds)
                    .query((rs, n) -> out.add(nullableLong(rs, 1))).list();
        }
        return out;
    }

    public Set<Long> clientsOfReferrals(Collection<Long> referralIds) {
        Set<Long> out = new java.util.HashSet<>();
        if (!referralIds.isEmpty()) {
            jdbc.sql("SELECT client_id FROM referrals WHERE id IN (:ids)").param("ids", referralIds)
                    .query((rs, n) -> out.add(rs.getLong(1))).list();
        }
        return out;
    }

    private static Set<String> keyPopulations(int mask) {
        if (mask == 0) {
            return Set.of();
        }
        Set<String> out = new java.util.TreeSet<>();
        for (int i = 0; i < KEY_POPULATIONS.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(KEY_POPULATIONS.get(i));
            }
        }
        return Set.copyOf(out);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** A client while its summary is assembled from several queries. */
    private static final class Row {
        long id;
        long organisationId;
        String gender;
        Integer birthYear;
        String drug;
        String route;
        long siteId;
        String hotspot;
        LocalDate firstContact;
        String explicitStatus;
        LocalDate explicitStatusDate;
        Set<String> keyPopulations;
        LocalDate lastContactInWindow;
        int monthsReached;
        final Set<String> received = new java.util.TreeSet<>();
        boolean testedForHiv;
        boolean knowsHivResult;
        LocalDate firstOat;
        LocalDate firstPrep;
        LocalDate firstPositiveTest;
        LocalDate firstArt;
        final List<Dispensation> oat = new ArrayList<>(0);
        int referralsMade;
        int referralsCompleted;
        boolean progressed;
        final List<PlaceAmounts> amounts = new ArrayList<>(1);

        /** Identical sets of received codes share one instance: a million clients use a few dozen. */
        Client toClient(Map<Set<String>, Set<String>> shared) {
            Set<String> codes = shared.computeIfAbsent(Set.copyOf(received), s -> s);
            return new Client(id, organisationId, gender, birthYear, drug, route, siteId, hotspot, firstContact,
                    explicitStatus, explicitStatusDate, keyPopulations, lastContactInWindow, monthsReached, codes,
                    testedForHiv, knowsHivResult, firstOat, firstPrep, firstPositiveTest, firstArt,
                    oat.isEmpty() ? List.of() : List.copyOf(oat), referralsMade, referralsCompleted, progressed,
                    amounts.isEmpty() ? List.of() : List.copyOf(amounts));
        }
    }
}
