package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reach.accounts.SignIn;
import org.reach.platform.ReachUser;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Measures, on PostgreSQL and a synthetic programme of a million clients and twenty million service events
 * ({@link SyntheticProgramme}), how long the indicator engine takes to compute every built-in indicator for a quarter
 * with every disaggregation, against one hand-written SQL statement that computes the same numerators and
 * denominators ({@code indicator-baseline.sql}), and how long the next computation takes after one new encounter.
 * Rounds alternate engine and SQL so that a noisy machine slows both alike; the report gives the median ratio.
 * Every count the engine shows unsuppressed must equal the statement's, or the benchmark fails listing the
 * differences. Not a test: run it with {@code -Pbench} (see docs/benchmarks.md).
 */
@Tag("benchmark")
@SpringBootTest
class IndicatorScaleBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 1_000_000);
    private static final long EVENTS = Long.getLong("bench.events", 20_000_000L);
    private static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final boolean TRENDS = Boolean.getBoolean("bench.trends");
    /** How long one engine computation (every disaggregation) may take before the benchmark gives up on it. */
    private static final int ENGINE_MINUTES = Integer.getInteger("bench.engineMinutes", 60);
    private static final Period QUARTER = Period.quarter(2026, 2);
    /** The day in the quarter the new encounters of the refresh step are recorded on. */
    private static final LocalDate REFRESH_DAY = LocalDate.of(2026, 5, 15);
    private static final int REFRESH_NEEDLES = 37;
    private static final int MAX_LISTED = 60;

    @Value("${spring.datasource.url}") String datasourceUrl;
    @Autowired DataSource dataSource;
    @Autowired Indicators indicators;
    @Autowired Encounters encounters;
    @Autowired SignIn signIn;
    @Autowired IndicatorCache cache;

    @Test
    void engineAgainstOneSqlStatementAndRefreshAfterOneEncounter() throws Exception {
        assumeTrue(datasourceUrl.startsWith("jdbc:postgresql:"), "the baseline is PostgreSQL SQL");
        String engineVersion = engineVersion(); // now: the checkout may move while a long run goes on
        SyntheticProgramme.Loaded programme = new SyntheticProgramme(dataSource, CLIENTS, EVENTS, System.out)
                .generateOrReuse(REUSE);
        if (ROUNDS == 0) {
            return; // generate only
        }
        ReachUser coordinator = signIn.loadUserByUsername(programme.coordinator());
        IndicatorScope scope = indicators.scope(coordinator, null, programme.programmeId(), null);
        String baselineSql = baselineSql(scope.organisationIds());
        List<IndicatorDefinition> definitions = indicators.definitions(coordinator);
        long started = System.nanoTime();
        baseline(baselineSql);
        double warmUp = seconds(started);
        System.out.printf(Locale.ROOT, "Baseline warm-up: %.1f s%n", warmUp);

        List<Double> engineSeconds = new ArrayList<>();
        List<Double> warmSeconds = new ArrayList<>();
        List<Double> baselineSeconds = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> trendSeconds = new ArrayList<>();
        List<Double> dashboardRefreshSeconds = new ArrayList<>();
        List<Double> fullRefreshSeconds = new ArrayList<>();
        Comparison comparison = null;
        List<String> differences = new ArrayList<>();
        String unfinished = null;
        for (int round = 1; round <= ROUNDS && unfinished == null; round++) {
            System.out.printf(Locale.ROOT, "Round %d of %d%n", round, ROUNDS);
            // the statement first: should the engine not finish, its time is still measured on a quiet machine
            started = System.nanoTime();
            Baseline baseline = baseline(baselineSql);
            baselineSeconds.add(seconds(started));
            System.out.printf(Locale.ROOT, "  baseline statement: %.1f s (%d rows)%n", baselineSeconds.get(round - 1),
                    baseline.rows);

            // cold: nothing cached, every summary read from the database again
            cache.clear();
            started = System.nanoTime();
            Map<Disaggregation, Double> progress = new ConcurrentHashMap<>();
            Map<Disaggregation, List<IndicatorTable>> engine;
            try {
                engine = withinBudget(() -> everyDisaggregation(coordinator, scope, progress));
            } catch (OutOfMemoryError e) {
                engine = null;
                unfinished = "the engine ran out of memory (-Dbench.heap)";
            }
            if (engine == null) {
                unfinished = String.format(Locale.ROOT, "%s in round %d; tables() per disaggregation, s: %s; nothing "
                                + "compared", unfinished != null ? unfinished : "the engine did not finish every "
                                + "disaggregation within " + ENGINE_MINUTES + " minutes (-Dbench.engineMinutes)", round,
                        progress.isEmpty() ? "none finished" : progress.entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue()))
                                .collect(Collectors.joining(", ")));
                System.out.println("  " + unfinished);
                break;
            }
            engineSeconds.add(seconds(started));
            System.out.printf(Locale.ROOT, "  engine, all disaggregations: %.1f s%n", engineSeconds.get(round - 1));
            started = System.nanoTime();
            everyDisaggregation(coordinator, scope, new HashMap<>());
            warmSeconds.add(seconds(started));
            System.out.printf(Locale.ROOT, "  engine again, kept sums: %.3f s%n", warmSeconds.get(round - 1));
            if (TRENDS) {
                started = System.nanoTime();
                for (IndicatorDefinition definition : definitions) {
                    indicators.trend(coordinator, scope, definition.code(), QUARTER, false);
                }
                trendSeconds.add(seconds(started));
                System.out.printf(Locale.ROOT, "  engine, monthly trends: %.1f s%n", trendSeconds.get(round - 1));
            }

            ratios.add(engineSeconds.get(round - 1) / baselineSeconds.get(round - 1));
            comparison = compare(engine, baseline);
            String label = "round " + round + ": ";
            differences.addAll(comparison.differences().stream().map(d -> label + d).toList());
            System.out.printf(Locale.ROOT, "  compared %d counts (%d hidden by suppression): %d differences%n",
                    comparison.compared(), comparison.hidden(), comparison.differences().size());

            // one new encounter, then the dashboard's call; another, then every disaggregation
            long needles = needlesTotal(engine.get(Disaggregation.NONE));
            Refresh refresh = refreshClient(scope.organisationIds());
            record(refresh);
            started = System.nanoTime();
            List<IndicatorTable> dashboard = indicators.tables(coordinator, scope, QUARTER, Disaggregation.NONE, false);
            dashboardRefreshSeconds.add(seconds(started));
            assertThat(needlesTotal(dashboard)).as("needles after one more encounter").isEqualTo(needles + REFRESH_NEEDLES);
            record(refresh);
            started = System.nanoTime();
            Map<Disaggregation, List<IndicatorTable>> after = everyDisaggregation(coordinator, scope, new HashMap<>());
            fullRefreshSeconds.add(seconds(started));
            assertThat(needlesTotal(after.get(Disaggregation.NONE))).as("needles after two more encounters")
                    .isEqualTo(needles + 2L * REFRESH_NEEDLES);
            System.out.printf(Locale.ROOT, "  after one new encounter: tables(NONE) %.2f s, all disaggregations %.1f s%n",
                    dashboardRefreshSeconds.get(round - 1), fullRefreshSeconds.get(round - 1));
        }

        String report = String.format(Locale.ROOT, """
                Indicators at scale on %s
                  data: %s
                        %s
                  engine at %s
                  scope: programme of %d organisations, period %s, %d indicators x %d disaggregations (%s)
                  baseline warm-up (not counted), s:                      %.1f
                  engine, tables() for every disaggregation, s per round: %s   (cold: nothing kept)
                  the same again with the sums kept, s per round:         %s
                  baseline, one SQL statement, s per round:               %s
                  engine / baseline per round:                            %s
                  median engine / baseline:                               %.2f
                  after one new encounter (the next call), s per round:
                    tables(NONE):                                         %s
                    tables() for every disaggregation:                    %s
                %s  equivalence: %d unsuppressed counts compared in the last round, %d hidden by suppression; %s
                """,
                datasourceUrl.replaceAll("\\?.*", ""), programme.description(),
                programme.generated() ? String.format(Locale.ROOT, "(generated in this run in %.0f s)", programme.seconds())
                        : "(reused: -Dbench.reuse=true)",
                engineVersion, scope.organisationIds().size(), QUARTER.code(), definitions.size(),
                Disaggregation.values().length,
                Arrays.stream(Disaggregation.values()).map(Enum::name).collect(Collectors.joining(", ")), warmUp,
                format(engineSeconds) + (unfinished == null ? "" : " then more than " + ENGINE_MINUTES + " min"),
                format(warmSeconds), format(baselineSeconds), format(ratios), ratios.isEmpty() ? Double.NaN : median(ratios),
                format(dashboardRefreshSeconds), format(fullRefreshSeconds),
                TRENDS ? "  monthly trend of every indicator, s per round:          " + format(trendSeconds) + "\n" : "",
                comparison == null ? 0 : comparison.compared(), comparison == null ? 0 : comparison.hidden(),
                unfinished != null ? unfinished : differences.isEmpty() ? "no differences" : differences.size() + " differences:\n    "
                        + String.join("\n    ", differences.subList(0, Math.min(MAX_LISTED, differences.size())))
                        + (differences.size() > MAX_LISTED ? "\n    …" : ""));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "indicator-scale.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(unfinished).as("an engine computation that did not finish").isNull();
        assertThat(differences).as("counts where the engine and the SQL statement differ").isEmpty();
    }

    /**
     * Runs an engine computation on a daemon thread and answers null when it takes longer than the budget: an engine
     * that scales badly should give a report, not a benchmark that never ends. The abandoned computation cannot be
     * stopped safely; the benchmark ends right after, and the JVM with it.
     */
    private static <T> T withinBudget(Callable<T> computation) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "engine-under-budget");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return executor.submit(computation).get(ENGINE_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            executor.shutdownNow();
        }
    }

    /** Every indicator for every disaggregation; each call's seconds go into {@code progress} as it finishes. */
    private Map<Disaggregation, List<IndicatorTable>> everyDisaggregation(ReachUser coordinator, IndicatorScope scope,
                                                                         Map<Disaggregation, Double> progress) {
        Map<Disaggregation, List<IndicatorTable>> tables = new EnumMap<>(Disaggregation.class);
        for (Disaggregation d : Disaggregation.values()) {
            long started = System.nanoTime();
            tables.put(d, indicators.tables(coordinator, scope, QUARTER, d, false));
            progress.put(d, seconds(started));
        }
        return tables;
    }

    private static long needlesTotal(List<IndicatorTable> tables) {
        IndicatorTable needles = tables.stream().filter(t -> t.definition().code().equals("NSP_NEEDLES_PER_PWID"))
                .findFirst().orElseThrow();
        return Long.parseLong(needles.total().numerator());
    }

    // ---- the new encounter, recorded as an outreach worker would

    private record Refresh(ReachUser worker, long clientId, long siteId) {
    }

    /** A client without a recorded status whose contacts span the day, and an outreach worker of their site. */
    private Refresh refreshClient(List<Long> organisationIds) throws SQLException {
        String sql = """
                SELECT c.id, c.enrolment_site_id, u.username
                FROM clients c
                JOIN sites s ON s.id = c.enrolment_site_id AND s.site_type <> 'OAT_CENTRE'
                JOIN user_sites us ON us.site_id = c.enrolment_site_id
                JOIN user_accounts u ON u.id = us.user_id
                JOIN user_roles r ON r.user_id = u.id AND r.role = 'OUTREACH_WORKER'
                WHERE c.organisation_id IN (%s) AND c.explicit_status IS NULL
                  AND c.first_contact <= ? AND c.last_contact >= ?
                ORDER BY c.id, u.username LIMIT 1""".formatted(ids(organisationIds));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, REFRESH_DAY);
            query.setObject(2, REFRESH_DAY);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("a client to record an encounter for").isTrue();
                return new Refresh(signIn.loadUserByUsername(rs.getString(3)), rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private void record(Refresh refresh) {
        encounters.record(refresh.worker(), new EncounterForm(UUID.randomUUID().toString(), REFRESH_DAY, refresh.siteId(),
                null, refresh.clientId(), null, false, List.of(ServiceLine.of("NEEDLES_SYRINGES", REFRESH_NEEDLES)), null,
                null, null));
    }

    // ---- the baseline

    private String baselineSql(List<Long> organisationIds) throws IOException, SQLException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("indicator-baseline.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return sql.replace("{{start}}", QUARTER.start().toString()).replace("{{end}}", QUARTER.end().toString())
                .replace("{{organisations}}", ids(organisationIds))
                .replace("{{city}}", sitesHaveCity() ? "st.city" : "CAST(NULL AS VARCHAR)");
    }

    private boolean sitesHaveCity() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 FROM information_schema.columns WHERE table_schema = "
                     + "current_schema() AND table_name = 'sites' AND column_name = 'city'")) {
            return rs.next();
        }
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The statement's rows: per indicator and disaggregation, per category, numerator and denominator (or null). */
    private record Baseline(Map<String, Map<String, Long[]>> cells, Set<String> indicators, Set<String> disaggregations,
                            int rows) {

        Long[] cell(String indicator, String disaggregation, String category) {
            return cells.getOrDefault(indicator + "/" + disaggregation, Map.of()).get(category);
        }
    }

    private Baseline baseline(String sql) throws SQLException {
        Map<String, Map<String, Long[]>> cells = new HashMap<>();
        Set<String> indicatorCodes = new HashSet<>();
        Set<String> disaggregations = new HashSet<>();
        int rows = 0;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
                String indicator = rs.getString(1);
                String disaggregation = rs.getString(2);
                indicatorCodes.add(indicator);
                disaggregations.add(disaggregation);
                long numerator = rs.getLong(4);
                Long n = rs.wasNull() ? null : numerator;
                long denominator = rs.getLong(5);
                Long d = rs.wasNull() ? null : denominator;
                cells.computeIfAbsent(indicator + "/" + disaggregation, k -> new HashMap<>()).put(rs.getString(3),
                        new Long[] {n, d});
            }
        }
        return new Baseline(cells, indicatorCodes, disaggregations, rows);
    }

    // ---- equivalence

    private record Comparison(int compared, int hidden, List<String> differences) {
    }

    /**
     * Every numerator and denominator the engine shows as a number must be the statement's (a category the
     * statement has no row for counts as zero), and every category where the statement counts something must be
     * in the engine's table.
     */
    private static Comparison compare(Map<Disaggregation, List<IndicatorTable>> engine, Baseline baseline) {
        Set<String> differences = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        int compared = 0;
        int hidden = 0;
        for (List<IndicatorTable> tables : engine.values()) {
            for (IndicatorTable table : tables) {
                String code = table.definition().code();
                String used = table.disaggregation().name();
                if (!seen.add(code + "/" + used)) {
                    continue; // the same table again: the indicator does not allow the disaggregation asked for
                }
                if (!baseline.indicators().contains(code)) {
                    differences.add(code + ": the statement does not compute this indicator");
                    continue;
                }
                if (!baseline.disaggregations().contains(used)) {
                    differences.add(used + ": the statement does not compute this disaggregation");
                    continue;
                }
                List<IndicatorRow> rows = new ArrayList<>(table.rows());
                rows.add(table.total());
                Set<String> categories = new HashSet<>();
                for (IndicatorRow row : rows) {
                    boolean total = row == table.total();
                    String category = total ? "TOTAL" : row.category();
                    categories.add(category);
                    Long[] expected = baseline.cell(code, total ? "NONE" : used, category);
                    String where = code + " " + used + " " + category;
                    for (int part = 0; part < 2; part++) {
                        String shown = part == 0 ? row.numerator() : row.denominator();
                        if (shown == null) {
                            continue;
                        }
                        if (!shown.chars().allMatch(Character::isDigit)) {
                            hidden++;
                            continue;
                        }
                        compared++;
                        long wanted = expected == null || expected[part] == null ? 0 : expected[part];
                        if (Long.parseLong(shown) != wanted) {
                            differences.add(String.format(Locale.ROOT, "%s %s: engine %s, SQL %d", where,
                                    part == 0 ? "numerator" : "denominator", shown, wanted));
                        }
                    }
                }
                if (!used.equals("NONE")) {
                    baseline.cells().getOrDefault(code + "/" + used, Map.of()).forEach((category, values) -> {
                        boolean counted = (values[0] != null && values[0] != 0) || (values[1] != null && values[1] != 0);
                        if (counted && !categories.contains(category)) {
                            differences.add(String.format(Locale.ROOT, "%s %s %s: no row in the engine, SQL %s / %s",
                                    code, used, category, values[0], values[1]));
                        }
                    });
                }
            }
        }
        return new Comparison(compared, hidden, new ArrayList<>(differences));
    }

    // ---- report

    /** The commit the engine was built from, so results can be told apart across engine versions. */
    private static String engineVersion() {
        try {
            Process git = new ProcessBuilder("git", "log", "-1", "--format=%h %cs %s",
                    "--", "src/main/java/org/reach/indicators").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--", "src/main/java/org/reach/indicators")
                    .redirectErrorStream(true).start();
            String dirty = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return "an unknown commit";
            }
            return "commit " + out + (dirty.isEmpty() ? "" : " (with uncommitted changes)");
        } catch (IOException | InterruptedException e) {
            return "an unknown commit";
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v)).toList().toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
