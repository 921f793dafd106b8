package org.reach.infections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.reach.infections.store.InfectionStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HCV and TB care cascades and wound care as measures of people, one row per client. A cascade of a period
 * counts the people with a record of that cascade dated in the period, each at every step they had reached by the
 * period's end; a step counts only people who reached the step before it, so each step is a subset of the previous
 * one. Wounds count the people assessed in the period and those with a severe wound.
 */
@Component
class InfectionIndicators implements IndicatorFacts {

    static final List<String> HCV_STEPS = List.of("HCV_TESTED", "HCV_AB_POSITIVE", "HCV_VIRAEMIC", "HCV_TREATED",
            "HCV_CURED");
    static final List<String> TB_STEPS = List.of("TB_SCREENED", "TB_PRESUMPTIVE", "TB_DIAGNOSED", "TB_TREATED",
            "TB_SUCCESS");
    private static final List<String> MEASURES = allMeasures();
    private static final List<Disaggregation> BREAKDOWNS = List.of(Disaggregation.SEX, Disaggregation.AGE_25,
            Disaggregation.KEY_POPULATION, Disaggregation.SITE, Disaggregation.CITY, Disaggregation.ORGANISATION);
    private static final String HCV_SOURCE = "WHO, Consolidated guidelines on HIV, viral hepatitis and STI prevention, "
            + "diagnosis, treatment and care for key populations (2022); WHO Global hepatitis programme, "
            + "HCV care cascade";
    private static final String TB_SOURCE = "WHO consolidated guidelines on tuberculosis, Module 2: screening (2021); "
            + "WHO, Definitions and reporting framework for tuberculosis, treatment outcomes (2021/2022 revision)";
    private static final String WOUND_SOURCE = "WHO, Consolidated guidelines for key populations (2022): prevention and "
            + "management of injection-related bacterial infections";

    private static List<String> allMeasures() {
        List<String> all = new ArrayList<>(HCV_STEPS);
        all.addAll(TB_STEPS);
        all.add("WOUND_ASSESSED");
        all.add("WOUND_SEVERE");
        return List.copyOf(all);
    }

    private final InfectionStore store;

    InfectionIndicators(InfectionStore store) {
        this.store = store;
    }

    @Override
    public List<String> measures() {
        return MEASURES;
    }

    @Override
    public List<ContributedIndicator> indicators() {
        return List.of(
                count("HCV_TESTED", "People in HCV care in the period who have had an HCV antibody test (positive "
                        + "or negative) by its end", "HCV_TESTED", HCV_SOURCE, 210),
                share("HCV_AB_POSITIVE", "Of them, people with a positive HCV antibody test",
                        "People in HCV care in the period tested for HCV antibodies", "HCV_AB_POSITIVE", "HCV_TESTED",
                        HCV_SOURCE, 211),
                share("HCV_CONFIRMED", "Of them, people with HCV RNA detected (viraemic, chronic infection confirmed)",
                        "People in HCV care in the period with a positive HCV antibody test", "HCV_VIRAEMIC",
                        "HCV_AB_POSITIVE", HCV_SOURCE, 212),
                share("HCV_TREATED", "Of them, people who started direct-acting antiviral treatment",
                        "People in HCV care in the period with HCV RNA detected", "HCV_TREATED", "HCV_VIRAEMIC",
                        HCV_SOURCE, 213),
                share("HCV_CURED", "Of them, people cured (SVR12: HCV RNA not detected 12 weeks after treatment)",
                        "People in HCV care in the period who started HCV treatment", "HCV_CURED", "HCV_TREATED",
                        HCV_SOURCE, 214),
                count("TB_SCREENED", "People in TB care in the period screened for TB symptoms by its end",
                        "TB_SCREENED", TB_SOURCE, 220),
                share("TB_PRESUMPTIVE", "Of them, people with a positive symptom screen (presumptive TB)",
                        "People in TB care in the period screened for TB symptoms", "TB_PRESUMPTIVE", "TB_SCREENED",
                        TB_SOURCE, 221),
                share("TB_DIAGNOSED", "Of them, people diagnosed with TB (GeneXpert, smear, X-ray or clinical)",
                        "People in TB care in the period with presumptive TB", "TB_DIAGNOSED", "TB_PRESUMPTIVE",
                        TB_SOURCE, 222),
                share("TB_TREATMENT_STARTED", "Of them, people who started TB treatment",
                        "People in TB care in the period diagnosed with TB", "TB_TREATED", "TB_DIAGNOSED", TB_SOURCE,
                        223),
                share("TB_TREATMENT_SUCCESS", "Of them, people whose treatment succeeded (WHO outcome cured or "
                                + "treatment completed)", "People in TB care in the period who started TB treatment",
                        "TB_SUCCESS", "TB_TREATED", TB_SOURCE, 224),
                count("WOUND_ASSESSED", "People with a wound or abscess assessed in the period", "WOUND_ASSESSED",
                        WOUND_SOURCE, 230),
                share("WOUND_SEVERE", "Of them, people with a severe wound (spreading infection or signs of sepsis)",
                        "People with a wound or abscess assessed in the period", "WOUND_SEVERE", "WOUND_ASSESSED",
                        WOUND_SOURCE, 231));
    }

    private static ContributedIndicator count(String code, String text, String measure, String source, int order) {
        return new ContributedIndicator(code, text, null, IndicatorUnit.COUNT, "ANY", BREAKDOWNS, source, measure, null,
                order);
    }

    private static ContributedIndicator share(String code, String numerator, String denominator, String measure,
                                              String of, String source, int order) {
        return new ContributedIndicator(code, numerator, denominator, IndicatorUnit.PERCENT, "ANY", BREAKDOWNS, source,
                measure, of, order);
    }

    @Override
    @Transactional
    public List<FactRow> load(FactQuery query) {
        if (query.anonymousOnly() || query.organisationIds().isEmpty()) {
            return List.of(); // every record is of a registered client
        }
        Map<Long, List<InfectionStore.Fact>> byClient = new LinkedHashMap<>();
        Map<Long, Long> organisations = new LinkedHashMap<>();
        for (InfectionStore.Fact fact : store.facts(query.organisationIds(), query.siteId(), query.start(), query.end(),
                query.clientIds())) {
            byClient.computeIfAbsent(fact.clientId(), k -> new ArrayList<>()).add(fact);
            organisations.put(fact.clientId(), fact.organisationId());
        }
        List<FactRow> rows = new ArrayList<>();
        byClient.forEach((clientId, facts) -> {
            long[] values = measuresOf(facts, query.start(), query.end());
            for (long v : values) {
                if (v != 0) {
                    rows.add(FactRow.ofClient(clientId, organisations.get(clientId), values));
                    return;
                }
            }
        });
        return rows;
    }

    /** One person's measures for a period from their records up to its end. */
    static long[] measuresOf(List<InfectionStore.Fact> facts, LocalDate start, LocalDate end) {
        long[] v = new long[MEASURES.size()];
        boolean hcvInPeriod = facts.stream().anyMatch(f -> f.kind().family() == InfectionKind.Family.HCV
                && !f.date().isBefore(start));
        if (hcvInPeriod) {
            boolean[] steps = chain(facts,
                    step(InfectionKind.HCV_ANTIBODY_TEST, Set.of("POSITIVE", "NEGATIVE")),
                    step(InfectionKind.HCV_ANTIBODY_TEST, Set.of("POSITIVE")),
                    step(InfectionKind.HCV_RNA_TEST, Set.of("DETECTED")),
                    step(InfectionKind.HCV_TREATMENT_START, null),
                    step(InfectionKind.HCV_SVR12, Set.of("CURED")));
            for (int i = 0; i < steps.length; i++) {
                v[i] = steps[i] ? 1 : 0;
            }
        }
        boolean tbInPeriod = facts.stream().anyMatch(f -> f.kind().family() == InfectionKind.Family.TB
                && !f.date().isBefore(start));
        if (tbInPeriod) {
            boolean[] steps = chain(facts,
                    step(InfectionKind.TB_SCREENING, null),
                    step(InfectionKind.TB_SCREENING, Set.of("POSITIVE")),
                    step(InfectionKind.TB_DIAGNOSIS, Set.of("DETECTED")),
                    step(InfectionKind.TB_TREATMENT_START, null),
                    step(InfectionKind.TB_TREATMENT_OUTCOME, Set.of("CURED", "COMPLETED")));
            for (int i = 0; i < steps.length; i++) {
                v[HCV_STEPS.size() + i] = steps[i] ? 1 : 0;
            }
        }
        int wound = HCV_STEPS.size() + TB_STEPS.size();
        for (InfectionStore.Fact f : facts) {
            if (f.kind() == InfectionKind.WOUND_ASSESSMENT && !f.date().isBefore(start)) {
                v[wound] = 1;
                if ("SEVERE".equals(f.result())) {
                    v[wound + 1] = 1;
                }
            }
        }
        return v;
    }

    private record Step(InfectionKind kind, Set<String> results) {
    }

    private static Step step(InfectionKind kind, Set<String> results) {
        return new Step(kind, results);
    }

    /** Each step reached when the one before it was and a record of it exists (facts are up to the period's end). */
    private static boolean[] chain(List<InfectionStore.Fact> facts, Step... steps) {
        boolean[] reached = new boolean[steps.length];
        for (int i = 0; i < steps.length; i++) {
            Step s = steps[i];
            boolean found = facts.stream().anyMatch(f -> f.kind() == s.kind()
                    && (s.results() == null || s.results().contains(f.result())));
            reached[i] = found && (i == 0 || reached[i - 1]);
        }
        return reached;
    }
}
