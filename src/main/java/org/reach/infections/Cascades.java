package org.reach.infections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reach.indicators.Disaggregation;
import org.reach.indicators.IndicatorRow;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.IndicatorTable;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.indicators.SmallCellSuppression;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;

/**
 * The HCV, TB and HIV care cascades of an organisation or programme and a period, read from the indicators'
 * suppressed tables only (never exact counts, whoever asks): HCV and TB from this capability's indicators, HIV from
 * the built-in HIV_KNOW_RESULT and ART_COVERAGE, whose tested, knowing, known positive and on ART people the
 * services capability records. A step hidden in any table it appears in is hidden; then {@link CascadeSuppression}
 * hides what subtraction between nested steps would give away. Who may see it: whoever may see indicators.
 */
@Service
public class Cascades {

    /** Where each step is read: an indicator and whether it is its numerator (else its denominator). */
    private record Source(String indicator, boolean numerator) {
    }

    private record StepSpec(String key, List<Source> sources) {
    }

    private record CascadeSpec(String key, List<StepSpec> steps, boolean[] nests) {
    }

    private static final List<CascadeSpec> SPECS = List.of(
            new CascadeSpec("HCV", List.of(
                    step("HCV_TESTED", num("HCV_TESTED"), den("HCV_AB_POSITIVE")),
                    step("HCV_AB_POSITIVE", num("HCV_AB_POSITIVE"), den("HCV_CONFIRMED")),
                    step("HCV_VIRAEMIC", num("HCV_CONFIRMED"), den("HCV_TREATED")),
                    step("HCV_TREATED", num("HCV_TREATED"), den("HCV_CURED")),
                    step("HCV_CURED", num("HCV_CURED"))), new boolean[] {true, true, true, true}),
            new CascadeSpec("TB", List.of(
                    step("TB_SCREENED", num("TB_SCREENED"), den("TB_PRESUMPTIVE")),
                    step("TB_PRESUMPTIVE", num("TB_PRESUMPTIVE"), den("TB_DIAGNOSED")),
                    step("TB_DIAGNOSED", num("TB_DIAGNOSED"), den("TB_TREATMENT_STARTED")),
                    step("TB_TREATED", num("TB_TREATMENT_STARTED"), den("TB_TREATMENT_SUCCESS")),
                    step("TB_SUCCESS", num("TB_TREATMENT_SUCCESS"))), new boolean[] {true, true, true, true}),
            // People who know they are positive include those diagnosed before the period: not a subset of those
            // tested in it, so only the pairs that nest are checked for differences.
            new CascadeSpec("HIV", List.of(
                    step("HIV_TESTED", den("HIV_KNOW_RESULT")),
                    step("HIV_KNOW_RESULT", num("HIV_KNOW_RESULT")),
                    step("HIV_KNOWN_POSITIVE", den("ART_COVERAGE")),
                    step("HIV_ON_ART", num("ART_COVERAGE"))), new boolean[] {true, false, true}));

    private static StepSpec step(String key, Source... sources) {
        return new StepSpec(key, List.of(sources));
    }

    private static Source num(String indicator) {
        return new Source(indicator, true);
    }

    private static Source den(String indicator) {
        return new Source(indicator, false);
    }

    private final Indicators indicators;

    Cascades(Indicators indicators) {
        this.indicators = indicators;
    }

    public boolean mayView(ReachUser actor) {
        return indicators.mayView(actor);
    }

    /** The scope a person sees by default, or the organisation or programme asked for (as the indicators decide). */
    public IndicatorScope scope(ReachUser actor, Long organisationId, Long programmeId) {
        if (!mayView(actor)) {
            throw new Forbidden("view cascades");
        }
        return indicators.scope(actor, organisationId, programmeId, null);
    }

    public java.time.LocalDate today() {
        return indicators.today();
    }

    /**
     * The cascades of a scope and a complete period; {@code part} names a site of an organisation or an
     * organisation of a programme, read from the breakdown by site or organisation (suppressed with the whole).
     */
    public CascadeView cascades(ReachUser actor, IndicatorScope scope, Period period, String part) {
        if (!mayView(actor)) {
            throw new Forbidden("view cascades");
        }
        Disaggregation breakdown = scope.organisationId() != null ? Disaggregation.SITE : Disaggregation.ORGANISATION;
        Map<String, IndicatorTable> tables = new LinkedHashMap<>();
        for (CascadeSpec spec : SPECS) {
            for (StepSpec step : spec.steps()) {
                for (Source source : step.sources()) {
                    tables.computeIfAbsent(source.indicator(),
                            code -> indicators.table(actor, scope, code, period, breakdown, false));
                }
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        tables.get("HCV_TESTED").rows().forEach(r -> parts.put(r.category(), r.label()));
        tables.get("TB_SCREENED").rows().forEach(r -> parts.putIfAbsent(r.category(), r.label()));
        tables.get("HIV_KNOW_RESULT").rows().forEach(r -> parts.putIfAbsent(r.category(), r.label()));
        parts.remove("UNKNOWN");
        if (part != null && !parts.containsKey(part)) {
            throw InvalidInput.of("part", "infection.error.part");
        }
        List<Cascade> cascades = new ArrayList<>();
        for (CascadeSpec spec : SPECS) {
            cascades.add(cascade(spec, tables, part));
        }
        return new CascadeView(scope, period, parts, part, cascades);
    }

    private static Cascade cascade(CascadeSpec spec, Map<String, IndicatorTable> tables, String part) {
        int n = spec.steps().size();
        long[] counts = new long[n];
        boolean[] hidden = new boolean[n];
        String[] markers = new String[n];
        for (int i = 0; i < n; i++) {
            Long count = null;
            for (Source source : spec.steps().get(i).sources()) {
                String text = text(tables.get(source.indicator()), part, source.numerator());
                Long value = parse(text);
                if (value == null) {
                    hidden[i] = true;
                    markers[i] = SmallCellSuppression.SMALL.equals(text) || SmallCellSuppression.SMALL.equals(markers[i])
                            ? SmallCellSuppression.SMALL : SmallCellSuppression.HIDDEN;
                } else if (count == null) {
                    count = value;
                } else if (!count.equals(value)) {
                    hidden[i] = true; // never expected; if the tables disagree, neither is shown
                    markers[i] = SmallCellSuppression.HIDDEN;
                }
            }
            counts[i] = count == null ? 0 : count;
        }
        boolean[] hide = CascadeSuppression.hide(counts, hidden, spec.nests());
        List<CascadeStep> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = spec.steps().get(i).key();
            if (hide[i]) {
                steps.add(new CascadeStep(key, null, markers[i] != null ? markers[i] : SmallCellSuppression.HIDDEN));
            } else {
                steps.add(new CascadeStep(key, counts[i], String.valueOf(counts[i])));
            }
        }
        return new Cascade(spec.key(), steps);
    }

    /** The numerator or denominator of the total, or of a part's row (a part without a row counted nobody). */
    private static String text(IndicatorTable table, String part, boolean numerator) {
        IndicatorRow row = part == null ? table.total()
                : table.rows().stream().filter(r -> r.category().equals(part)).findFirst().orElse(null);
        if (row == null) {
            return "0";
        }
        String text = numerator ? row.numerator() : row.denominator();
        return text == null ? "0" : text;
    }

    private static Long parse(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException hidden) {
            return null;
        }
    }
}
