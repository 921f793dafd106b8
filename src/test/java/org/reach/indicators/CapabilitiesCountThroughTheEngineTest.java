package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reach.indicators.store.PeriodFacts;

/**
 * A capability's measures are summed by the same engine as the built-in ones: a person's row in the person's
 * categories, a place's row at its place, an anonymous row with its stated sex; a refresh replaces a client's rows;
 * person-time ends at death. Mortality per 1,000 person-years is checked on a case worked out by hand.
 */
class CapabilitiesCountThroughTheEngineTest {

    private static final Period Q1 = Period.quarter(2026, 1); // 90 days
    private static final int WIDTH = IndicatorEngine.Measure.COUNT + 2;
    private static final int DEATHS = IndicatorEngine.Measure.COUNT;
    private static final int EVENTS = IndicatorEngine.Measure.COUNT + 1;
    private static final Map<String, IndicatorEngine.Spec> SPECS = specs();

    private static Map<String, IndicatorEngine.Spec> specs() {
        Map<String, IndicatorEngine.Spec> specs = new HashMap<>(IndicatorEngine.BUILT_IN);
        specs.put("MORTALITY", new IndicatorEngine.Spec(DEATHS, IndicatorEngine.Measure.PERSON_DAYS.ordinal(), null,
                IndicatorProviders.scale(IndicatorUnit.PER_1000_PERSON_YEARS)));
        specs.put("EVENTS", new IndicatorEngine.Spec(EVENTS, null, null, 1));
        return specs;
    }

    private static PeriodFacts.Client client(long id, String gender, long site, LocalDate enrolled, String status,
                                             LocalDate statusDate) {
        return new PeriodFacts.Client(id, 1, gender, 1990, "HEROIN", "INJECTING", site, null, enrolled, status,
                statusDate, Set.of(), enrolled, 1, Set.of(), false, false, null, null, null, null, List.of(), 0, 0,
                false, List.of());
    }

    private static long[] values(long deaths, long events) {
        long[] v = new long[WIDTH];
        v[DEATHS] = deaths;
        v[EVENTS] = events;
        return v;
    }

    private static IndicatorEngine engine(Map<Long, PeriodFacts.Client> clients, List<FactRow> rows) {
        PeriodFacts facts = new PeriodFacts(clients, List.of(), Map.of(10L, "Karachi", 20L, "Lahore"));
        return new IndicatorEngine(Q1, facts, rows, SPECS, WIDTH, Map.of(), (p, y) -> null, Map.of());
    }

    @Test
    void mortalityCountsPersonTimeFromEnrolmentOrPeriodStartToDeathExitOrPeriodEnd() {
        Map<Long, PeriodFacts.Client> clients = new HashMap<>();
        // enrolled before the period, alive throughout: 90 days
        clients.put(1L, client(1, "MALE", 10, LocalDate.of(2025, 6, 1), null, null));
        // enrolled on 1 March (31 days to 31 March)
        clients.put(2L, client(2, "FEMALE", 10, LocalDate.of(2026, 3, 1), null, null));
        // died on 10 January: 10 days at risk, the day of death included
        clients.put(3L, client(3, "MALE", 20, LocalDate.of(2025, 1, 1), "DECEASED", LocalDate.of(2026, 1, 10)));
        // exited on 1 February: 31 days (January)
        clients.put(4L, client(4, "MALE", 20, LocalDate.of(2025, 1, 1), "EXITED", LocalDate.of(2026, 2, 1)));
        // detained on 15 February: still at risk, 90 days
        clients.put(5L, client(5, "MALE", 20, LocalDate.of(2025, 1, 1), "DETAINED", LocalDate.of(2026, 2, 15)));
        IndicatorEngine engine = engine(clients, List.of(FactRow.ofClient(3, 1, values(1, 0))));

        IndicatorEngine.Result result = engine.compute("MORTALITY", Disaggregation.NONE);
        long personDays = 90 + 31 + 10 + 31 + 90;
        assertThat(result.cells().get(IndicatorEngine.TOTAL)).isEqualTo(new IndicatorEngine.Raw(1, personDays));
        double perThousandPersonYears = 1.0 / (personDays / 365.25) * 1000;
        assertThat(1.0 * 1 / personDays * result.scale()).isCloseTo(perThousandPersonYears, offset(1e-9));
        assertThat(perThousandPersonYears).isCloseTo(1449.4, offset(0.05));

        Map<String, IndicatorEngine.Raw> bySite = engine.compute("MORTALITY", Disaggregation.SITE).cells();
        assertThat(bySite.get("10")).isEqualTo(new IndicatorEngine.Raw(0, 90L + 31));
        assertThat(bySite.get("20")).isEqualTo(new IndicatorEngine.Raw(1, 10L + 31 + 90));
    }

    @Test
    void placeRowsCountAtTheirPlaceAndAnonymousRowsByTheirStatedSex() {
        Map<Long, PeriodFacts.Client> clients = Map.of(1L, client(1, "MALE", 10, LocalDate.of(2025, 6, 1), null, null));
        List<FactRow> rows = List.of(
                new FactRow(1L, 1, 20L, "Graveyard", null, values(0, 2)),      // the client, at another site
                new FactRow(null, 1, 20L, "Graveyard", "FEMALE", values(0, 1)), // an anonymous woman
                new FactRow(99L, 1, 10L, null, null, values(0, 4)));          // a client outside the scope
        IndicatorEngine engine = engine(clients, rows);

        assertThat(engine.compute("EVENTS", Disaggregation.NONE).cells().get(IndicatorEngine.TOTAL).numerator())
                .isEqualTo(7);
        Map<String, IndicatorEngine.Raw> bySite = engine.compute("EVENTS", Disaggregation.SITE).cells();
        assertThat(bySite.get("20").numerator()).isEqualTo(3);
        assertThat(bySite.get("10").numerator()).isEqualTo(4);
        Map<String, IndicatorEngine.Raw> bySex = engine.compute("EVENTS", Disaggregation.SEX).cells();
        assertThat(bySex.get("MALE").numerator()).isEqualTo(2);
        assertThat(bySex.get("FEMALE").numerator()).isEqualTo(1);
        assertThat(bySex.get(IndicatorEngine.UNKNOWN).numerator()).isEqualTo(4);
        assertThat(engine.compute("EVENTS", Disaggregation.HOTSPOT).cells().get("Graveyard").numerator()).isEqualTo(3);
    }

    @Test
    void aRefreshReplacesTheRowsOfTheClientsItNamesAndOfAnonymousRecordsWhenAsked() {
        Map<Long, PeriodFacts.Client> clients = new HashMap<>();
        clients.put(1L, client(1, "MALE", 10, LocalDate.of(2025, 6, 1), null, null));
        clients.put(2L, client(2, "FEMALE", 10, LocalDate.of(2025, 6, 1), null, null));
        IndicatorEngine engine = engine(clients, List.of(FactRow.ofClient(1, 1, values(0, 1)),
                FactRow.ofClient(2, 1, values(0, 1)), new FactRow(null, 1, 10L, null, null, values(0, 5))));
        Map<String, IndicatorEngine.Raw> before = engine.compute("EVENTS", Disaggregation.SEX).cells();
        assertThat(before.get(IndicatorEngine.TOTAL).numerator()).isEqualTo(7);

        PeriodFacts fresh = new PeriodFacts(Map.of(1L, clients.get(1L)), List.of(), Map.of());
        engine.refresh(List.of(1L), false, fresh, List.of(new FactRow(1L, 1, 10L, null, null, values(0, 3))));
        Map<String, IndicatorEngine.Raw> after = engine.compute("EVENTS", Disaggregation.SEX).cells();
        assertThat(after.get(IndicatorEngine.TOTAL).numerator()).isEqualTo(9);
        assertThat(after.get("MALE").numerator()).isEqualTo(3);
        assertThat(after.get("FEMALE").numerator()).isEqualTo(1);

        engine.refresh(List.of(), true, new PeriodFacts(Map.of(), List.of(), Map.of()), List.of());
        assertThat(engine.compute("EVENTS", Disaggregation.SEX).cells().get(IndicatorEngine.TOTAL).numerator())
                .isEqualTo(4);
        assertThat(engine.compute("EVENTS", Disaggregation.SITE).cells().get("10").numerator()).isEqualTo(4);
    }
}
