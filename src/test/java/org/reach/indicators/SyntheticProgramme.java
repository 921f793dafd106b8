package org.reach.indicators;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A synthetic harm-reduction programme for measuring indicators at scale: one programme, five organisations of
 * ten sites each in two or three cities, workers, clients with realistic mixes of gender, age, drugs, routes and
 * key populations, and two years of encounters ending {@link #LAST_DAY} (needles, condoms, HIV tests with results,
 * PrEP, ART, OAT with dose days, naloxone, wound and dental care, basic needs …; about one in ten anonymous),
 * referrals, care-stage and status changes. Everything is drawn from {@link #SEED}, so two databases generated
 * with the same sizes hold the same rows.
 *
 * <p>Each client's whole history is drawn from its own random stream (split from the seed in client order), so it
 * can be drawn again in a second pass: the first pass writes clients (whose first and last contact are those of
 * their encounters) and the client-level tables, the second the encounters and their services. Rows go in with
 * PostgreSQL {@code COPY} in one transaction, with secondary indexes and foreign keys dropped for the load and
 * rebuilt after (building an index once is much cheaper than maintaining it row by row), then {@code VACUUM
 * ANALYZE}. The programme's description carries a marker with the seed and sizes, so a database that already
 * holds exactly this data can be reused instead of generated again.
 */
final class SyntheticProgramme {

    static final long SEED = 20260630L;
    static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);
    static final LocalDate FIRST_DAY = LAST_DAY.minusYears(2).plusDays(1);
    static final String PROGRAMME = "Synthetic programme";
    static final String COORDINATOR = "synthetic.coordinator";
    private static final int VERSION = 1;
    private static final String WORKER_PREFIX = "synthetic.";
    private static final List<String> LOADED_TABLES = List.of("clients", "client_key_populations",
            "client_stage_changes", "client_status_changes", "encounters", "encounter_services", "referrals");

    /** Share of all encounters that are anonymous. */
    private static final double ANONYMOUS_SHARE = 0.10;
    private static final int WORKERS_PER_SITE = 4;
    private static final int HOTSPOTS_PER_SITE = 6;

    /** The programme as the benchmark needs it, and how it came to be there. */
    record Loaded(long programmeId, String coordinator, boolean generated, double seconds, String description) {
    }

    private record CitySpec(String name, List<String> areas) {
    }

    private record OrgSpec(String name, String country, String languages, int lostAfterMonths, double share,
                           List<CitySpec> cities) {
    }

    private static final List<OrgSpec> ORGANISATIONS = List.of(
            new OrgSpec("Roshni Society (synthetic)", "PK", "ur,en", 9, 0.28, List.of(
                    new CitySpec("Karachi", List.of("Lyari", "Korangi", "Saddar", "Orangi", "Malir")),
                    new CitySpec("Hyderabad", List.of("Latifabad", "Qasimabad", "Kotri")),
                    new CitySpec("Sukkur", List.of("Rohri", "Old Sukkur")))),
            new OrgSpec("Sahara Outreach (synthetic)", "PK", "ur,en", 6, 0.24, List.of(
                    new CitySpec("Lahore", List.of("Data Darbar", "Shahdara", "Ichhra", "Township", "Badami Bagh",
                            "Misri Shah")),
                    new CitySpec("Faisalabad", List.of("Ghanta Ghar", "Samanabad", "Jhang Bazar", "Millat Town")))),
            new OrgSpec("Pwani Peer Alliance (synthetic)", "KE", "sw,en", 12, 0.18, List.of(
                    new CitySpec("Mombasa", List.of("Old Town", "Kisauni", "Likoni", "Changamwe")),
                    new CitySpec("Kilifi", List.of("Mnarani", "Mtwapa", "Kaloleni")),
                    new CitySpec("Malindi", List.of("Shella", "Casuarina", "Gede")))),
            new OrgSpec("Nairobi Reach Collective (synthetic)", "KE", "sw,en", 9, 0.20, List.of(
                    new CitySpec("Nairobi", List.of("Mathare", "Kibera", "Eastleigh", "Kawangware", "Korogocho",
                            "Majengo", "Githurai")),
                    new CitySpec("Nakuru", List.of("Bondeni", "Kaptembwo", "Rhonda")))),
            new OrgSpec("Straatzorg (synthetic)", "NL", "nl,en", 9, 0.10, List.of(
                    new CitySpec("Amsterdam", List.of("Amsterdam-Centrum", "Zuidoost", "Nieuw-West", "Amsterdam-Noord")),
                    new CitySpec("Rotterdam", List.of("Rotterdam-Centrum", "Feijenoord", "Delfshaven")),
                    new CitySpec("Utrecht", List.of("Utrecht-Centrum", "Overvecht", "Kanaleneiland")))));

    /** Site types in the order an organisation's ten sites get them: drop-ins and outreach bases first. */
    private static final List<String> SITE_TYPES = List.of("DROP_IN_CENTRE", "OUTREACH_BASE", "OAT_CENTRE",
            "DROP_IN_CENTRE", "OUTREACH_BASE", "CLINIC", "OUTREACH_BASE", "DROP_IN_CENTRE", "OAT_CENTRE", "SAFE_SPACE");
    private static final Map<String, String> SITE_TYPE_NAMES = Map.of("DROP_IN_CENTRE", "drop-in centre",
            "OUTREACH_BASE", "outreach base", "OAT_CENTRE", "OAT centre", "CLINIC", "clinic", "SAFE_SPACE", "safe space");
    private static final Map<String, Double> ENROLMENT_WEIGHTS = Map.of("DROP_IN_CENTRE", 3.0, "OUTREACH_BASE", 4.0,
            "OAT_CENTRE", 0.6, "CLINIC", 1.0, "SAFE_SPACE", 1.0);
    private static final List<String> PLACES = List.of("bus stand", "railway bridge", "canal bank", "old market",
            "graveyard", "truck stop", "fish market", "underpass", "riverside", "park", "car wash", "vegetable market",
            "taxi rank", "construction site", "shrine", "beach road", "railway station", "flyover", "scrap yard",
            "old factory");

    // service codes (V5 catalogue) used by the generator, as indexes into CODES
    private static final String[] CODES = {"NEEDLES_SYRINGES", "CONDOMS", "LUBRICANT", "NALOXONE_KIT", "OAT_METHADONE",
            "OAT_BUPRENORPHINE", "HIV_TEST", "HIV_SELF_TEST_KIT", "ART_REFERRAL", "ART_INITIATION", "PREP",
            "STI_SCREENING", "HEPATITIS_TEST", "TB_SCREENING", "WOUND_CARE", "DENTAL_CARE", "MENTAL_HEALTH_SUPPORT",
            "SHOWER", "LAUNDRY", "FOOD", "INFORMATION_MATERIAL", "PEER_SUPPORT", "LEGAL_AID"};
    private static final int NEEDLES = 0, CONDOMS = 1, LUBRICANT = 2, NALOXONE = 3, METHADONE = 4, BUPRENORPHINE = 5,
            HIV_TEST = 6, SELF_TEST = 7, ART_REFERRAL = 8, ART_INITIATION = 9, PREP = 10, STI = 11, HEPATITIS = 12,
            TB = 13, WOUND = 14, DENTAL = 15, MENTAL = 16, SHOWER = 17, LAUNDRY = 18, FOOD = 19, INFORMATION = 20,
            PEER_SUPPORT = 21, LEGAL_AID = 22;

    private static final int FIRST = (int) FIRST_DAY.toEpochDay();
    private static final int LAST = (int) LAST_DAY.toEpochDay();
    /** Dates as text from a year before the first day (statuses and stages may fall a little after contacts). */
    private static final int TEXT_FROM = FIRST - 400;
    private static final String[] DAY_TEXT = new String[LAST - TEXT_FROM + 1];

    static {
        for (int d = TEXT_FROM; d <= LAST; d++) {
            DAY_TEXT[d - TEXT_FROM] = LocalDate.ofEpochDay(d).toString();
        }
    }

    private final DataSource dataSource;
    private final int clientCount;
    private final long eventTarget;
    private final PrintStream log;

    // the programme's structure once created
    private long programmeId;
    private final List<Org> orgs = new ArrayList<>();
    private final List<SiteRow> sites = new ArrayList<>();
    private long[] serviceIds;
    private boolean hasCity;

    private record Org(int index, long id, OrgSpec spec, List<Integer> sites, double[] enrolmentWeights,
                       List<Integer> oatSites) {
    }

    private record SiteRow(int index, long id, int org, String city, String area, String type, String[] hotspots,
                           long[] workers) {
    }

    SyntheticProgramme(DataSource dataSource, int clients, long events, PrintStream log) {
        this.dataSource = dataSource;
        this.clientCount = clients;
        this.eventTarget = events;
        this.log = log;
    }

    /** The seed and sizes this database must hold to be reused. */
    String marker() {
        return "synthetic v" + VERSION + " seed=" + SEED + " clients=" + clientCount + " events=" + eventTarget
                + " last=" + LAST_DAY;
    }

    /**
     * Generates the programme, or with {@code reuse} answers the one already there when its marker says it holds
     * this seed and these sizes. Refuses to generate into a database that holds another synthetic programme.
     */
    Loaded generateOrReuse(boolean reuse) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement existing = connection.prepareStatement(
                    "SELECT id, description FROM programmes WHERE name = ?")) {
                existing.setString(1, PROGRAMME);
                try (ResultSet rs = existing.executeQuery()) {
                    if (rs.next()) {
                        String description = rs.getString(2);
                        if (reuse && description != null && description.startsWith(marker() + " |")) {
                            log.println("Reusing the synthetic programme already in the database: " + description);
                            return new Loaded(rs.getLong(1), COORDINATOR, false, 0, description);
                        }
                        throw new IllegalStateException("The database already holds a synthetic programme ("
                                + description + "), not " + marker() + (reuse ? "" : " or -Dbench.reuse=true is not set")
                                + ": reuse it with the same sizes or generate into a fresh database.");
                    }
                }
            }
        }
        long started = System.nanoTime();
        String description = generate();
        return new Loaded(programmeId, COORDINATOR, true, (System.nanoTime() - started) / 1e9, description);
    }

    // ---- generation

    private String generate() throws SQLException, IOException {
        log.printf(Locale.ROOT, "Generating %s%n", marker());
        long started = System.nanoTime();
        String description;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL maintenance_work_mem = '512MB'");
            }
            try {
                hasCity = hasColumn(connection, "sites", "city");
                createStructure(connection);
                double lambda = calibrate();
                List<String> rebuild = dropSecondaryIndexesAndForeignKeys(connection);
                Counts counts = load(connection, lambda, started);
                log.printf(Locale.ROOT, "  rebuilding %d indexes and constraints (%.0f s)%n", rebuild.size(), seconds(started));
                try (Statement statement = connection.createStatement()) {
                    for (String sql : rebuild) {
                        statement.execute(sql);
                    }
                }
                description = marker() + " | " + counts;
                try (PreparedStatement mark = connection.prepareStatement("UPDATE programmes SET description = ? WHERE id = ?")) {
                    mark.setString(1, description);
                    mark.setLong(2, programmeId);
                    mark.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            log.printf(Locale.ROOT, "  committed (%.0f s); VACUUM ANALYZE%n", seconds(started));
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE) " + String.join(", ", LOADED_TABLES));
            }
        }
        log.printf(Locale.ROOT, "Generated in %.0f s: %s%n", seconds(started), description);
        return description;
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Programme, organisations, sites, workers, settings and size estimates: a few hundred plain inserts. */
    private void createStructure(Connection connection) throws SQLException {
        SplittableRandom rng = new SplittableRandom(SEED ^ 0x9E3779B97F4A7C15L);
        String now = "2024-06-01 08:00:00+00";
        String passwordHash = "{bcrypt}" + BCrypt.hashpw(UUID.randomUUID().toString(), BCrypt.gensalt(4));
        programmeId = insert(connection, "INSERT INTO programmes (name, description, active, created_at, updated_at) "
                + "VALUES (?, 'incomplete', TRUE, ?::timestamptz, ?::timestamptz) RETURNING id", PROGRAMME, now, now);
        insertAccount(connection, COORDINATOR, "Programme coordinator", null, programmeId, "COORDINATOR", List.of(),
                passwordHash, now);
        int siteIndex = 0;
        for (int o = 0; o < ORGANISATIONS.size(); o++) {
            OrgSpec spec = ORGANISATIONS.get(o);
            long orgId = insert(connection, "INSERT INTO organisations (programme_id, name, country_code, languages, active, "
                            + "created_at, updated_at) VALUES (?, ?, ?, ?, TRUE, ?::timestamptz, ?::timestamptz) RETURNING id",
                    programmeId, spec.name(), spec.country(), spec.languages(), now, now);
            update(connection, "INSERT INTO client_settings (organisation_id, uic_scheme, active_months, lost_after_months, "
                    + "updated_at) VALUES (?, 'PARENTS_SEX_YEAR', 3, ?, ?::timestamptz)", orgId, spec.lostAfterMonths(), now);
            List<Integer> orgSites = new ArrayList<>();
            List<Integer> oatSites = new ArrayList<>();
            int typeIndex = 0;
            for (CitySpec city : spec.cities()) {
                for (String area : city.areas()) {
                    String type = SITE_TYPES.get(typeIndex++);
                    String name = area + " " + SITE_TYPE_NAMES.get(type);
                    long siteId = hasCity
                            ? insert(connection, "INSERT INTO sites (organisation_id, name, site_type, area, opening_status, "
                                    + "active, created_at, updated_at, city) VALUES (?, ?, ?, ?, 'OPEN', TRUE, ?::timestamptz, "
                                    + "?::timestamptz, ?) RETURNING id", orgId, name, type, area, now, now, city.name())
                            : insert(connection, "INSERT INTO sites (organisation_id, name, site_type, area, opening_status, "
                                    + "active, created_at, updated_at) VALUES (?, ?, ?, ?, 'OPEN', TRUE, ?::timestamptz, "
                                    + "?::timestamptz) RETURNING id", orgId, name, type, area, now, now);
                    String[] hotspots = new String[HOTSPOTS_PER_SITE];
                    List<String> places = new ArrayList<>(PLACES);
                    for (int h = 0; h < HOTSPOTS_PER_SITE; h++) {
                        hotspots[h] = area + " " + places.remove(rng.nextInt(places.size()));
                    }
                    long[] workers = new long[WORKERS_PER_SITE];
                    for (int w = 0; w < WORKERS_PER_SITE; w++) {
                        workers[w] = insertAccount(connection, String.format(Locale.ROOT, "%sworker.%d.%d.%d",
                                        WORKER_PREFIX, o + 1, orgSites.size() + 1, w + 1),
                                "Outreach worker " + (w + 1) + ", " + name, orgId, null, "OUTREACH_WORKER",
                                List.of(siteId), passwordHash, now);
                    }
                    sites.add(new SiteRow(siteIndex, siteId, o, city.name(), area, type, hotspots, workers));
                    orgSites.add(siteIndex);
                    if (type.equals("OAT_CENTRE")) {
                        oatSites.add(siteIndex);
                    }
                    siteIndex++;
                }
            }
            insertAccount(connection, WORKER_PREFIX + "manager." + (o + 1), "Manager, " + spec.name(), orgId, null,
                    "ORG_MANAGER", List.of(), passwordHash, now);
            insertAccount(connection, WORKER_PREFIX + "me." + (o + 1), "M&E officer, " + spec.name(), orgId, null,
                    "ME_OFFICER", List.of(), passwordHash, now);
            double[] weights = new double[orgSites.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = ENROLMENT_WEIGHTS.get(sites.get(orgSites.get(i)).type());
            }
            orgs.add(new Org(o, orgId, spec, orgSites, cumulative(weights), oatSites));
            // size estimates per city, in proportion to the organisation's share of clients
            for (CitySpec city : spec.cities()) {
                double cityShare = spec.share() * city.areas().size() / 10.0;
                for (int year : new int[] {2025, 2026}) {
                    update(connection, "INSERT INTO indicator_denominators (organisation_id, population, area, estimate_year, "
                                    + "estimate, source, updated_at) VALUES (?, 'PEOPLE_WHO_INJECT_DRUGS', ?, ?, ?, ?, ?::timestamptz)",
                            orgId, city.name(), year, Math.max(1, Math.round(clientCount * cityShare * 0.9)),
                            "Synthetic mapping " + (year - 1), now);
                    update(connection, "INSERT INTO indicator_denominators (organisation_id, population, area, estimate_year, "
                                    + "estimate, source, updated_at) VALUES (?, 'OPIOID_DEPENDENT', ?, ?, ?, ?, ?::timestamptz)",
                            orgId, city.name(), year, Math.max(1, Math.round(clientCount * cityShare * 0.6)),
                            "Synthetic mapping " + (year - 1), now);
                }
            }
        }
        serviceIds = new long[CODES.length];
        Map<String, Long> byCode = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT code, id FROM services WHERE organisation_id IS NULL")) {
            while (rs.next()) {
                byCode.put(rs.getString(1), rs.getLong(2));
            }
        }
        for (int i = 0; i < CODES.length; i++) {
            serviceIds[i] = byCode.get(CODES[i]);
        }
        log.printf(Locale.ROOT, "  programme %d: %d organisations, %d sites%s, %d workers%n", programmeId, orgs.size(),
                sites.size(), hasCity ? " with cities" : " (no sites.city column)", sites.size() * WORKERS_PER_SITE);
    }

    private long insertAccount(Connection connection, String username, String displayName, Long organisationId,
                               Long programme, String role, List<Long> siteIds, String passwordHash, String now)
            throws SQLException {
        long id = insert(connection, "INSERT INTO user_accounts (username, display_name, password_hash, organisation_id, "
                        + "programme_id, language, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'en', TRUE, "
                        + "?::timestamptz, ?::timestamptz) RETURNING id",
                username, displayName, passwordHash, organisationId, programme, now, now);
        update(connection, "INSERT INTO user_roles (user_id, role) VALUES (?, ?)", id, role);
        for (long site : siteIds) {
            update(connection, "INSERT INTO user_sites (user_id, site_id) VALUES (?, ?)", id, site);
        }
        return id;
    }

    private static long insert(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /**
     * Drops the foreign keys, unique constraints and plain indexes of the tables about to be loaded (primary keys
     * stay: ids arrive in order, so they are cheap to keep) and answers the statements that put them back.
     */
    private List<String> dropSecondaryIndexesAndForeignKeys(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> uniques = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        String tables = "ARRAY['" + String.join("','", LOADED_TABLES) + "']";
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), "
                    + "contype FROM pg_constraint WHERE conrelid::regclass::text = ANY(" + tables + ") "
                    + "AND contype IN ('f', 'u') ORDER BY contype, conname")) {
                while (rs.next()) {
                    drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                    String add = "ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " "
                            + rs.getString(3);
                    (rs.getString(4).equals("f") ? foreignKeys : uniques).add(add);
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                    + "FROM pg_index i WHERE i.indrelid::regclass::text = ANY(" + tables + ") AND NOT i.indisprimary "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1")) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            // foreign keys first: a unique constraint cannot go while a key refers to it
            drops.sort((a, b) -> Boolean.compare(!a.contains("_fkey"), !b.contains("_fkey")));
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        List<String> rebuild = new ArrayList<>(indexes);
        rebuild.addAll(uniques);
        rebuild.addAll(foreignKeys);
        log.printf(Locale.ROOT, "  dropped %d indexes, %d unique constraints and %d foreign keys for the load%n",
                indexes.size(), uniques.size(), foreignKeys.size());
        return rebuild;
    }

    // ---- what one client looks like

    private static final class Visit {
        int day;
        int org; // of anonymous visits; a client's visits belong to the client's organisation
        int site = -1;
        String hotspot;
        long worker;
        int lines;
        final int[] codes = new int[24];
        final int[] quantities = new int[24];
        final String[] results = new String[24];
        Referral referral;
        boolean oat;

        boolean has(int code) {
            for (int i = 0; i < lines; i++) {
                if (codes[i] == code) {
                    return true;
                }
            }
            return false;
        }

        void add(int code, int quantity, String result) {
            if (!has(code)) {
                codes[lines] = code;
                quantities[lines] = quantity;
                results[lines] = result;
                lines++;
            }
        }
    }

    private record Referral(String providerType, String providerName, Integer internalSite, int madeOn, Integer acceptedOn,
                            Integer closedOn, String status) {
    }

    private static final class Plan {
        int org;
        int site;
        String gender;
        Integer birthYear;
        String drug;
        String secondDrug;
        String route;
        final List<String> keyPopulations = new ArrayList<>(3);
        String hotspot;
        Long peer;
        int registered;
        final List<Visit> visits = new ArrayList<>();
        final List<Integer> stageDays = new ArrayList<>();
        final List<String> stages = new ArrayList<>();
        String status;
        int statusDay;

        int firstContact() {
            return visits.isEmpty() ? registered : visits.get(0).day;
        }

        int lastContact() {
            return visits.isEmpty() ? registered : visits.get(visits.size() - 1).day;
        }

        int lines() {
            int n = 0;
            for (Visit v : visits) {
                n += v.lines;
            }
            return n;
        }
    }

    private Plan plan(SplittableRandom rng, double lambda) {
        Plan p = new Plan();
        p.org = pickOrg(rng);
        Org org = orgs.get(p.org);
        p.site = org.sites().get(pick(rng, org.enrolmentWeights()));
        SiteRow enrolment = sites.get(p.site);

        double g = rng.nextDouble();
        p.gender = g < 0.84 ? "MALE" : g < 0.945 ? "FEMALE" : g < 0.985 ? "TRANSGENDER_WOMAN" : g < 0.992 ? "TRANSGENDER_MAN"
                : "OTHER";
        if (rng.nextDouble() >= 0.015) {
            int age = 15 + (int) ((rng.nextDouble() + rng.nextDouble()) / 2 * 40) + (rng.nextInt(8) == 0 ? rng.nextInt(11) : 0);
            p.birthYear = LAST_DAY.getYear() - Math.min(age, 65);
        }
        double d = rng.nextDouble();
        p.drug = d < 0.52 ? "HEROIN" : d < 0.70 ? "METHAMPHETAMINE" : d < 0.78 ? "CANNABIS" : d < 0.85 ? "PHARMACEUTICAL_OPIOIDS"
                : d < 0.88 ? "BENZODIAZEPINES" : d < 0.91 ? "ALCOHOL" : d < 0.94 ? "SOLVENTS" : d < 0.955 ? "COCAINE"
                : d < 0.97 ? "OTHER" : null;
        if (rng.nextDouble() < 0.25) {
            p.secondDrug = rng.nextBoolean() ? "BENZODIAZEPINES" : rng.nextBoolean() ? "CANNABIS" : "ALCOHOL";
        }
        double r = rng.nextDouble();
        p.route = p.drug == null ? (r < 0.5 ? null : "INJECTING") : switch (p.drug) {
            case "HEROIN" -> r < 0.68 ? "INJECTING" : r < 0.93 ? "SMOKING" : "INHALING";
            case "METHAMPHETAMINE" -> r < 0.2 ? "INJECTING" : r < 0.9 ? "SMOKING" : "INHALING";
            case "CANNABIS" -> "SMOKING";
            case "PHARMACEUTICAL_OPIOIDS" -> r < 0.5 ? "INJECTING" : "ORAL";
            case "BENZODIAZEPINES", "ALCOHOL" -> "ORAL";
            case "SOLVENTS" -> "INHALING";
            case "COCAINE" -> r < 0.3 ? "INJECTING" : r < 0.7 ? "SMOKING" : "INHALING";
            default -> r < 0.02 ? null : r < 0.4 ? "INJECTING" : "SMOKING";
        };
        boolean injects = "INJECTING".equals(p.route);
        if (injects ? rng.nextDouble() < 0.96 : p.route == null ? rng.nextDouble() < 0.5 : false) {
            p.keyPopulations.add("PEOPLE_WHO_INJECT_DRUGS");
        } else if (rng.nextDouble() < 0.9) {
            p.keyPopulations.add("PEOPLE_WHO_USE_DRUGS_NOT_INJECTING");
        }
        switch (p.gender) {
            case "FEMALE" -> addIf(p, rng, 0.30, "SEX_WORKER");
            case "TRANSGENDER_WOMAN" -> {
                addIf(p, rng, 0.45, "SEX_WORKER");
                addIf(p, rng, 0.9, "TRANSGENDER_PERSON");
            }
            case "TRANSGENDER_MAN" -> addIf(p, rng, 0.9, "TRANSGENDER_PERSON");
            case "MALE" -> {
                addIf(p, rng, 0.06, "MEN_WHO_HAVE_SEX_WITH_MEN");
                addIf(p, rng, 0.02, "SEX_WORKER");
            }
            default -> addIf(p, rng, 0.1, "OTHER");
        }
        addIf(p, rng, 0.05, "PEOPLE_IN_PRISON");
        boolean pwid = p.keyPopulations.contains("PEOPLE_WHO_INJECT_DRUGS");
        boolean sexualRisk = p.keyPopulations.contains("SEX_WORKER") || p.keyPopulations.contains("MEN_WHO_HAVE_SEX_WITH_MEN")
                || p.keyPopulations.contains("TRANSGENDER_PERSON");
        boolean opioid = "HEROIN".equals(p.drug) || "PHARMACEUTICAL_OPIOIDS".equals(p.drug);
        p.hotspot = rng.nextDouble() < 0.75 ? enrolment.hotspots()[rng.nextInt(HOTSPOTS_PER_SITE)] : null;
        p.peer = rng.nextDouble() < 0.4 ? enrolment.workers()[rng.nextInt(WORKERS_PER_SITE)] : null;

        // when they came: enrolment over the two years (more towards the end, the programme grows), then visits
        p.registered = growingDay(rng);
        boolean neverCame = rng.nextDouble() < 0.02;
        if (!neverCame) {
            double type = rng.nextDouble();
            double meanGap;
            double retention;
            if (type < 0.30) {
                meanGap = 30;
                retention = rng.nextDouble() < 0.3 ? 60 : 0;
            } else if (type < 0.70) {
                meanGap = 40;
                retention = exponential(rng, 300);
            } else if (type < 0.92) {
                meanGap = 12;
                retention = exponential(rng, 450);
            } else {
                meanGap = 5;
                retention = exponential(rng, 500);
            }
            int until = (int) Math.min(LAST, p.registered + Math.round(retention));
            for (int day = p.registered; day <= until; day += 1 + (int) exponential(rng, meanGap / lambda)) {
                p.visits.add(visitAt(rng, p, day, enrolment));
            }
        }
        // opioid agonist therapy: dispensations at an OAT centre every few days with that many dose days
        boolean onOat = !neverCame && opioid && rng.nextDouble() < 0.11;
        int oatStart = p.registered + (int) exponential(rng, 60);
        if (onOat && oatStart <= LAST) {
            double c = rng.nextDouble();
            int cadence = c < 0.02 ? 1 : c < 0.10 ? 3 : c < 0.55 ? 7 : c < 0.85 ? 14 : 28;
            int until = (int) Math.min(LAST, oatStart + Math.round(exponential(rng, 270)));
            int oatSite = org.oatSites().get(rng.nextInt(org.oatSites().size()));
            int medicine = rng.nextDouble() < 0.8 ? METHADONE : BUPRENORPHINE;
            for (int day = oatStart; day <= until; ) {
                int doseDays = rng.nextDouble() < 0.1 ? Math.max(1, Math.min(28, cadence + rng.nextInt(-2, 4))) : cadence;
                Visit v = new Visit();
                v.day = day;
                v.site = oatSite;
                v.worker = sites.get(oatSite).workers()[rng.nextInt(WORKERS_PER_SITE)];
                v.oat = true;
                v.add(medicine, doseDays, null);
                p.visits.add(v);
                day += cadence + (rng.nextDouble() < 0.1 ? rng.nextInt(1, 10) : 0);
            }
            p.stageDays.add(oatStart);
            p.stages.add("TREATMENT");
            int stable = oatStart + 180 + rng.nextInt(220);
            if (rng.nextDouble() < 0.2 && stable <= LAST) {
                p.stageDays.add(stable);
                p.stages.add("LIFE_STABILITY");
            }
        }
        p.visits.sort((a, b) -> Integer.compare(a.day, b.day));
        if (!p.visits.isEmpty() && p.stages.isEmpty() && rng.nextDouble() < 0.025) {
            int day = p.visits.get(rng.nextInt(p.visits.size())).day;
            p.stageDays.add(day);
            p.stages.add("TREATMENT");
            if (rng.nextDouble() < 0.3 && day + 30 <= LAST) {
                p.stageDays.add(day + 30 + rng.nextInt(Math.max(1, Math.min(300, LAST - day - 29))));
                p.stages.add("HARM_REDUCTION");
            }
        }

        // what they received, in date order so that a diagnosis comes before treatment
        double hivRisk = Math.max(0.03, Math.max(pwid ? 0.09 : 0, Math.max(p.keyPopulations.contains("SEX_WORKER") ? 0.06 : 0,
                sexualRisk ? 0.12 : 0)));
        boolean positive = rng.nextDouble() < hivRisk;
        boolean startsArt = positive && rng.nextDouble() < 0.65;
        boolean prepUser = (!positive && sexualRisk && rng.nextDouble() < 0.3) || (!positive && pwid && rng.nextDouble() < 0.03)
                || (positive && rng.nextDouble() < 0.01);
        int prepFrom = p.visits.isEmpty() ? 0 : p.visits.get(rng.nextInt(p.visits.size())).day;
        boolean diagnosed = false;
        boolean onArt = false;
        for (int i = 0; i < p.visits.size(); i++) {
            Visit v = p.visits.get(i);
            boolean first = i == 0;
            if (v.oat) {
                if (rng.nextDouble() < 0.35) {
                    v.add(PEER_SUPPORT, 1, null);
                }
                if (rng.nextDouble() < 0.2) {
                    v.add(INFORMATION, 1, null);
                }
                if (rng.nextDouble() < 0.06) {
                    v.add(MENTAL, 1, null);
                }
                if (rng.nextDouble() < 0.15) {
                    v.add(FOOD, 1, null);
                }
                if (opioid && rng.nextDouble() < 0.05) {
                    v.add(NALOXONE, 1, null);
                }
            } else {
                if (injects || pwid) {
                    if (rng.nextDouble() < 0.9) {
                        v.add(NEEDLES, needles(rng), null);
                    }
                    if (rng.nextDouble() < 0.05) {
                        v.add(WOUND, 1, null);
                    }
                }
                if (rng.nextDouble() < (p.keyPopulations.contains("SEX_WORKER") ? 0.8 : injects ? 0.5 : 0.65)) {
                    v.add(CONDOMS, 2 + rng.nextInt(rng.nextInt(4) == 0 ? 40 : 12), null);
                }
                if (sexualRisk && rng.nextDouble() < 0.4) {
                    v.add(LUBRICANT, 1 + rng.nextInt(10), null);
                }
                if (rng.nextDouble() < (first ? 0.75 : 0.5)) {
                    v.add(INFORMATION, 1 + (rng.nextInt(5) == 0 ? rng.nextInt(4) : 0), null);
                }
                if (opioid && rng.nextDouble() < 0.07) {
                    v.add(NALOXONE, 1 + rng.nextInt(2), null);
                }
                if (rng.nextDouble() < (first ? 0.5 : 0.08)) {
                    String result;
                    double t = rng.nextDouble();
                    if (positive) {
                        result = t < 0.9 ? "POSITIVE" : "NOT_DISCLOSED";
                    } else {
                        result = t < 0.9 ? "NEGATIVE" : t < 0.93 ? "INCONCLUSIVE" : "NOT_DISCLOSED";
                    }
                    v.add(HIV_TEST, 1, result);
                    if (result.equals("POSITIVE") && !diagnosed) {
                        diagnosed = true;
                        v.add(ART_REFERRAL, 1, null);
                        v.referral = referral(rng, v.day, "ART_CLINIC", sites.get(p.site).city() + " ART clinic", null);
                    }
                } else if (diagnosed && startsArt && !onArt) {
                    v.add(ART_INITIATION, 1, null);
                    onArt = true;
                }
                if (prepUser && v.day >= prepFrom && rng.nextDouble() < 0.7) {
                    v.add(PREP, 1, null);
                }
                if (rng.nextDouble() < 0.01) {
                    v.add(SELF_TEST, 1 + rng.nextInt(2), null);
                }
                if (rng.nextDouble() < (sexualRisk ? 0.1 : 0.03)) {
                    v.add(STI, 1, null);
                }
                if (rng.nextDouble() < 0.015) {
                    v.add(HEPATITIS, 1, null);
                }
                if (rng.nextDouble() < 0.02) {
                    v.add(TB, 1, null);
                }
                if (rng.nextDouble() < 0.01) {
                    v.add(WOUND, 1, null);
                }
                if (rng.nextDouble() < 0.012) {
                    v.add(DENTAL, 1, null);
                }
                if (rng.nextDouble() < 0.035) {
                    v.add(MENTAL, 1, null);
                }
                if (rng.nextDouble() < 0.12) {
                    v.add(SHOWER, 1, null);
                }
                if (rng.nextDouble() < 0.06) {
                    v.add(LAUNDRY, 1, null);
                }
                if (rng.nextDouble() < 0.25) {
                    v.add(FOOD, 1 + rng.nextInt(3), null);
                }
                if (rng.nextDouble() < 0.12) {
                    v.add(PEER_SUPPORT, 1, null);
                }
                if (rng.nextDouble() < 0.006) {
                    v.add(LEGAL_AID, 1, null);
                }
                if (v.lines == 0) {
                    v.add(INFORMATION, 1, null);
                }
                if (v.referral == null && rng.nextDouble() < 0.025) {
                    v.referral = otherReferral(rng, p, opioid, v.day);
                }
            }
        }

        // a recorded status after the last contact: detained, transferred, deceased, exited
        double s = rng.nextDouble();
        String status = s < 0.008 ? "DECEASED" : s < 0.028 ? "DETAINED" : s < 0.038 ? "TRANSFERRED" : s < 0.058 ? "EXITED" : null;
        int statusDay = p.lastContact() + 1 + rng.nextInt(120);
        if (status != null && statusDay <= LAST) {
            p.status = status;
            p.statusDay = statusDay;
        }
        return p;
    }

    private Visit visitAt(SplittableRandom rng, Plan p, int day, SiteRow enrolment) {
        Visit v = new Visit();
        v.day = day;
        double where = rng.nextDouble();
        SiteRow site = enrolment;
        if (where < 0.05) {
            // out on the street without a base: the hotspot is the place
            v.hotspot = p.hotspot != null ? p.hotspot : enrolment.hotspots()[rng.nextInt(HOTSPOTS_PER_SITE)];
            v.worker = enrolment.workers()[rng.nextInt(WORKERS_PER_SITE)];
            return v;
        }
        if (where < 0.25) {
            List<Integer> candidates = orgs.get(p.org).sites();
            SiteRow other = sites.get(candidates.get(rng.nextInt(candidates.size())));
            if (!other.type().equals("OAT_CENTRE")) {
                site = other;
            }
        }
        v.site = site.index();
        v.worker = site.workers()[rng.nextInt(WORKERS_PER_SITE)];
        if (site.type().equals("OUTREACH_BASE")) {
            v.hotspot = p.hotspot != null && site == enrolment && rng.nextDouble() < 0.7 ? p.hotspot
                    : site.hotspots()[rng.nextInt(HOTSPOTS_PER_SITE)];
        }
        return v;
    }

    private static void addIf(Plan p, SplittableRandom rng, double chance, String keyPopulation) {
        if (rng.nextDouble() < chance) {
            p.keyPopulations.add(keyPopulation);
        }
    }

    private static int needles(SplittableRandom rng) {
        if (rng.nextInt(50_000) == 0) {
            return 600 + rng.nextInt(400); // the odd typing error the data-quality checks look for
        }
        return 5 + rng.nextInt(26) + (rng.nextInt(4) == 0 ? rng.nextInt(40) : 0);
    }

    private Referral otherReferral(SplittableRandom rng, Plan p, boolean opioid, int day) {
        String city = sites.get(p.site).city();
        if (opioid && rng.nextDouble() < 0.3) {
            List<Integer> oat = orgs.get(p.org).oatSites();
            SiteRow site = sites.get(oat.get(rng.nextInt(oat.size())));
            return referral(rng, day, "OAT_CENTRE", site.area() + " " + SITE_TYPE_NAMES.get(site.type()), site.index());
        }
        String[] types = {"REHABILITATION", "TB_CLINIC", "DENTAL", "MENTAL_HEALTH", "LEGAL_AID", "SHELTER", "OTHER"};
        String[] names = {"rehabilitation centre", "TB clinic", "dental clinic", "mental health service", "legal aid office",
                "night shelter", "social services"};
        int t = rng.nextInt(types.length);
        return referral(rng, day, types[t], city + " " + names[t], null);
    }

    private static Referral referral(SplittableRandom rng, int madeOn, String type, String name, Integer internalSite) {
        int accepted = madeOn + 1 + rng.nextInt(10);
        int closed = accepted + 1 + rng.nextInt(40);
        double o = rng.nextDouble();
        String outcome = o < 0.55 ? "COMPLETED" : o < 0.70 ? "FAILED" : o < 0.85 ? "ACCEPTED" : "MADE";
        if (outcome.equals("MADE") || accepted > LAST) {
            return new Referral(type, name, internalSite, madeOn, null, null, "MADE");
        }
        if (outcome.equals("ACCEPTED") || closed > LAST) {
            return new Referral(type, name, internalSite, madeOn, accepted, null, "ACCEPTED");
        }
        return new Referral(type, name, internalSite, madeOn, accepted, closed, outcome);
    }

    /** One anonymous encounter: no client, mostly needles and condoms at outreach bases. */
    private Visit anonymous(SplittableRandom rng) {
        Visit v = new Visit();
        v.day = growingDay(rng);
        v.org = pickOrg(rng);
        Org org = orgs.get(v.org);
        SiteRow site;
        do {
            site = sites.get(org.sites().get(pick(rng, org.enrolmentWeights())));
        } while (site.type().equals("OAT_CENTRE"));
        v.worker = site.workers()[rng.nextInt(WORKERS_PER_SITE)];
        double where = rng.nextDouble();
        if (where < 0.05) {
            v.hotspot = site.hotspots()[rng.nextInt(HOTSPOTS_PER_SITE)];
        } else {
            v.site = site.index();
            if (site.type().equals("OUTREACH_BASE") && where < 0.85) {
                v.hotspot = site.hotspots()[rng.nextInt(HOTSPOTS_PER_SITE)];
            }
        }
        if (rng.nextDouble() < 0.75) {
            v.add(NEEDLES, needles(rng), null);
        }
        if (rng.nextDouble() < 0.6) {
            v.add(CONDOMS, 2 + rng.nextInt(20), null);
        }
        if (rng.nextDouble() < 0.5) {
            v.add(INFORMATION, 1, null);
        }
        if (rng.nextDouble() < 0.08) {
            v.add(NALOXONE, 1 + rng.nextInt(2), null);
        }
        if (rng.nextDouble() < 0.03) {
            v.add(WOUND, 1, null);
        }
        if (rng.nextDouble() < 0.03) {
            v.add(SELF_TEST, 1, null);
        }
        if (rng.nextDouble() < 0.1) {
            v.add(FOOD, 1, null);
        }
        if (rng.nextDouble() < 0.04) {
            v.add(SHOWER, 1, null);
        }
        if (v.lines == 0) {
            v.add(INFORMATION, 1, null);
        }
        return v;
    }

    private int pickOrg(SplittableRandom rng) {
        double x = rng.nextDouble();
        for (Org org : orgs) {
            x -= org.spec().share();
            if (x < 0) {
                return org.index();
            }
        }
        return orgs.size() - 1;
    }

    /** A day of the two years, more likely towards the end (the programme grows by half over the period). */
    private static int growingDay(SplittableRandom rng) {
        double growth = 0.5;
        double u = rng.nextDouble();
        double t = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
        return FIRST + (int) Math.min(LAST - FIRST, Math.floor(t * (LAST - FIRST + 1)));
    }

    private static double exponential(SplittableRandom rng, double mean) {
        return -mean * Math.log(1 - rng.nextDouble());
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int pick(SplittableRandom rng, double[] cumulative) {
        double x = rng.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    // ---- sizing

    /**
     * How often clients come (a multiplier of their visit rates) so that the service events come to the requested
     * number: found by bisection on the first few thousand clients, whose streams are the ones the load draws.
     */
    private double calibrate() {
        int sample = Math.min(clientCount, 10_000);
        SplittableRandom anonymousRng = new SplittableRandom(SEED * 31 + 7);
        double anonymousLines = 0;
        for (int i = 0; i < 2000; i++) {
            anonymousLines += anonymous(anonymousRng).lines;
        }
        anonymousLines /= 2000;
        double target = (double) eventTarget * sample / clientCount;
        double low = Math.log(0.01);
        double high = Math.log(100);
        double lambda = 1;
        double[] last = new double[3];
        for (int iteration = 0; iteration < 24; iteration++) {
            lambda = Math.exp((low + high) / 2);
            SplittableRandom master = new SplittableRandom(SEED);
            long lines = 0;
            long encounters = 0;
            for (int i = 0; i < sample; i++) {
                Plan p = plan(master.split(), lambda);
                lines += p.lines();
                encounters += p.visits.size();
            }
            double anonymousEncounters = encounters * ANONYMOUS_SHARE / (1 - ANONYMOUS_SHARE);
            double events = lines + anonymousEncounters * anonymousLines;
            last = new double[] {events, encounters + anonymousEncounters, lines};
            if (events < target) {
                low = Math.log(lambda);
            } else {
                high = Math.log(lambda);
            }
        }
        log.printf(Locale.ROOT, "  visit rate x%.3f: about %.1f encounters and %.1f service events per client, "
                        + "%.2f services per encounter%n", lambda, last[1] / sample, last[0] / sample, last[0] / last[1]);
        return lambda;
    }

    // ---- loading

    private record Counts(long clients, long encounters, long anonymous, long services, long referrals, long stageChanges,
                          long statusChanges) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "clients %d, encounters %d (anonymous %d), service events %d, referrals %d, "
                    + "stage changes %d, status changes %d", clients, encounters, anonymous, services, referrals,
                    stageChanges, statusChanges);
        }
    }

    private Counts load(Connection connection, double lambda, long started) throws SQLException, IOException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long clientBase = reserve(connection, "clients", clientCount);
        Path dir = Files.createTempDirectory("synthetic-programme");
        try {
            // pass 1: clients straight into COPY; the client-level tables into files, loaded after
            Path kps = dir.resolve("kps");
            Path stages = dir.resolve("stages");
            Path statuses = dir.resolve("statuses");
            Path referrals = dir.resolve("referrals");
            long[] clientEncounters = new long[1];
            long[] small = new long[3];
            int[] uicCounter = new int[orgs.size()];
            try (Rows clientRows = copy(pg, "COPY clients (id, organisation_id, uic, gender, birth_year, primary_drug, "
                    + "secondary_drug, route, enrolment_site_id, enrolment_hotspot, peer_educator_id, first_contact, "
                    + "last_contact, explicit_status, explicit_status_date, care_stage, created_at, updated_at) FROM STDIN");
                 Rows kpRows = file(kps); Rows stageRows = file(stages); Rows statusRows = file(statuses);
                 Rows referralRows = file(referrals)) {
                forEachClient(lambda, "clients", started, (index, p) -> {
                    long id = clientBase + index;
                    Org org = orgs.get(p.org);
                    int first = p.firstContact();
                    String stage = p.stages.isEmpty() ? "HARM_REDUCTION" : latestStage(p);
                    clientRows.col(id).col(org.id()).col(uic(uicCounter[p.org]++, p)).col(p.gender).col(p.birthYear)
                            .col(p.drug).col(p.secondDrug).col(p.route).col(sites.get(p.site).id()).col(p.hotspot)
                            .col(p.peer).col(day(first)).col(day(p.lastContact())).col(p.status)
                            .col(p.status == null ? null : day(p.statusDay)).col(stage).col(stamp(first)).col(stamp(first))
                            .end();
                    for (String kp : p.keyPopulations) {
                        kpRows.col(id).col(kp).end();
                    }
                    for (int i = 0; i < p.stages.size(); i++) {
                        int stageDay = p.stageDays.get(i);
                        stageRows.col(id).col(p.stages.get(i)).col(day(stageDay)).col(stamp(stageDay)).end();
                        small[1]++;
                    }
                    if (p.status != null) {
                        statusRows.col(id).col(p.status).col(day(p.statusDay)).col(stamp(p.statusDay)).end();
                        small[2]++;
                    }
                    for (Visit v : p.visits) {
                        Referral r = v.referral;
                        if (r != null) {
                            referralRows.col(org.id()).col(id).col(r.providerType()).col(r.providerName())
                                    .col(r.internalSite() == null ? null : sites.get(r.internalSite()).id())
                                    .col(day(r.madeOn())).col(r.acceptedOn() == null ? null : day(r.acceptedOn()))
                                    .col(r.closedOn() == null ? null : day(r.closedOn())).col(r.status()).col(v.worker)
                                    .col(stamp(r.madeOn())).col(stamp(r.closedOn() != null ? r.closedOn()
                                            : r.acceptedOn() != null ? r.acceptedOn() : r.madeOn())).end();
                            small[0]++;
                        }
                    }
                    clientEncounters[0] += p.visits.size();
                });
            }
            copyFile(pg, "COPY client_key_populations (client_id, key_population) FROM STDIN", kps);
            copyFile(pg, "COPY client_stage_changes (client_id, stage, stage_date, recorded_at) FROM STDIN", stages);
            copyFile(pg, "COPY client_status_changes (client_id, status, status_date, recorded_at) FROM STDIN", statuses);
            copyFile(pg, "COPY referrals (organisation_id, client_id, provider_type, provider_name, internal_site_id, "
                    + "made_on, accepted_on, closed_on, status, made_by, created_at, updated_at) FROM STDIN", referrals);
            log.printf(Locale.ROOT, "  clients and client tables loaded (%.0f s)%n", seconds(started));

            // pass 2: the same clients drawn again for their encounters, then the anonymous ones
            long anonymousCount = Math.round(clientEncounters[0] * ANONYMOUS_SHARE / (1 - ANONYMOUS_SHARE));
            long encounterBase = reserve(connection, "encounters", clientEncounters[0] + anonymousCount);
            Path services = dir.resolve("services");
            long[] next = {encounterBase};
            long[] lines = new long[1];
            HexFormat hex = HexFormat.of();
            try (Rows encounterRows = copy(pg, "COPY encounters (id, uuid, organisation_id, site_id, hotspot, worker_id, "
                    + "client_id, anonymous, encounter_date, returned_syringes, fingerprint, created_at, created_by) FROM STDIN");
                 Rows serviceRows = file(services)) {
                EncounterWriter writer = (rng, v, org, clientId) -> {
                    long id = next[0]++;
                    long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
                    long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                    Integer returned = null;
                    if (v.has(NEEDLES) && rng.nextDouble() < 0.3) {
                        returned = rng.nextInt(1 + v.quantities[indexOf(v, NEEDLES)]);
                    }
                    encounterRows.col(id).col(new UUID(hi, lo).toString()).col(org).col(v.site < 0 ? null : sites.get(v.site).id())
                            .col(v.hotspot).col(v.worker).col(clientId).col(clientId == null ? "t" : "f").col(day(v.day))
                            .col(returned).col(hex.toHexDigits(rng.nextLong()) + hex.toHexDigits(rng.nextLong())
                                    + hex.toHexDigits(rng.nextLong()) + hex.toHexDigits(rng.nextLong()))
                            .col(stamp(v.day)).col(v.worker).end();
                    for (int i = 0; i < v.lines; i++) {
                        String result = v.results[i];
                        serviceRows.col(id).col(serviceIds[v.codes[i]]).col(v.quantities[i]).col(result)
                                .col(result == null ? null : result.equals("POSITIVE") && rng.nextDouble() < 0.7 ? "t" : "f")
                                .end();
                    }
                    lines[0] += v.lines;
                };
                forEachClient(lambda, "encounters", started, (index, p) -> {
                    SplittableRandom rng = new SplittableRandom(SEED + index);
                    for (Visit v : p.visits) {
                        writer.write(rng, v, orgs.get(p.org).id(), clientBase + index);
                    }
                });
                SplittableRandom anonymousRng = new SplittableRandom(SEED * 31 + 7);
                SplittableRandom idRng = new SplittableRandom(SEED * 37 + 11);
                for (long i = 0; i < anonymousCount; i++) {
                    Visit v = anonymous(anonymousRng);
                    writer.write(idRng, v, orgs.get(v.org).id(), null);
                }
            }
            log.printf(Locale.ROOT, "  encounters loaded (%.0f s); loading %d service events%n", seconds(started), lines[0]);
            copyFile(pg, "COPY encounter_services (encounter_id, service_id, quantity, result, linked) FROM STDIN", services);
            log.printf(Locale.ROOT, "  service events loaded (%.0f s)%n", seconds(started));
            return new Counts(clientCount, clientEncounters[0] + anonymousCount, anonymousCount, lines[0], small[0],
                    small[1], small[2]);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private interface EncounterWriter {
        void write(SplittableRandom rng, Visit visit, long organisationId, Long clientId);
    }

    private interface ClientAction {
        void accept(int index, Plan plan);
    }

    private void forEachClient(double lambda, String what, long started, ClientAction action) {
        SplittableRandom master = new SplittableRandom(SEED);
        int step = Math.max(1, clientCount / 10);
        for (int i = 0; i < clientCount; i++) {
            action.accept(i, plan(master.split(), lambda));
            if ((i + 1) % step == 0) {
                log.printf(Locale.ROOT, "  %s: %d of %d clients (%.0f s)%n", what, i + 1, clientCount, seconds(started));
            }
        }
    }

    private static int indexOf(Visit v, int code) {
        for (int i = 0; i < v.lines; i++) {
            if (v.codes[i] == code) {
                return i;
            }
        }
        return -1;
    }

    private static String latestStage(Plan p) {
        int best = 0;
        for (int i = 1; i < p.stages.size(); i++) {
            if (p.stageDays.get(i) >= p.stageDays.get(best)) {
                best = i;
            }
        }
        return p.stages.get(best);
    }

    /** A unique identifier code as organisations build them: four letters, sex and two digits of the birth year. */
    private static String uic(int counter, Plan p) {
        // four letters, a fifth for organisations beyond 26^4 clients
        char[] letters = new char[counter < 26 * 26 * 26 * 26 ? 4 : 5];
        int n = counter;
        for (int i = letters.length - 1; i >= 0; i--) {
            letters[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        String sex = switch (p.gender) {
            case "MALE" -> "M";
            case "FEMALE" -> "F";
            default -> "T";
        };
        return new String(letters) + sex + (p.birthYear == null ? "00" : String.format(Locale.ROOT, "%02d", p.birthYear % 100));
    }

    /** Reserves a block of ids from the table's identity sequence and answers the first. */
    private static long reserve(Connection connection, String table, long count) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT nextval(pg_get_serial_sequence('" + table + "', 'id'))")) {
            rs.next();
            long first = rs.getLong(1);
            statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (first + Math.max(count, 1) - 1)
                    + ")");
            return first;
        }
    }

    private static String day(int epochDay) {
        return DAY_TEXT[epochDay - TEXT_FROM];
    }

    private static String stamp(int epochDay) {
        return DAY_TEXT[epochDay - TEXT_FROM] + " 10:00:00+00";
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    // ---- COPY text format

    private static Rows copy(PGConnection pg, String sql) throws SQLException {
        return new Rows(new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16));
    }

    private static Rows file(Path path) throws IOException {
        return new Rows(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
    }

    private static void copyFile(PGConnection pg, String sql, Path path) throws SQLException, IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            pg.getCopyAPI().copyIn(sql, reader, 1 << 16);
        }
    }

    /** Rows in PostgreSQL's COPY text format. Generated values never hold tabs, line breaks or backslashes. */
    private static final class Rows implements AutoCloseable {

        private final Writer out;
        private final StringBuilder line = new StringBuilder(256);
        private boolean first = true;

        Rows(Writer out) {
            this.out = out;
        }

        Rows col(Object value) {
            if (!first) {
                line.append('\t');
            }
            first = false;
            line.append(value == null ? "\\N" : value.toString());
            return this;
        }

        Rows col(long value) {
            if (!first) {
                line.append('\t');
            }
            first = false;
            line.append(value);
            return this;
        }

        void end() {
            line.append('\n');
            first = true;
            if (line.length() > 1 << 15) {
                flush();
            }
        }

        private void flush() {
            try {
                out.append(line);
                line.setLength(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }
}
