package org.reach.indicators;

import java.util.List;

/**
 * An indicator an organisation defines over a service: the people who received it in the period, or the quantity
 * given, as a count or per a built-in denominator. It is computed by the same engine as every other indicator and
 * suppressed the same way; it is shown only for the organisation that defined it (and its sites).
 */
public record OwnIndicator(long id, long organisationId, String name, String serviceCode, Counts counts,
                           Per per) {

    /** The prefix of own indicators' codes; built-in and contributed codes never start with it. */
    public static final String PREFIX = "OWN_";

    /** What is counted. */
    public enum Counts {
        PEOPLE, QUANTITY;

        public String messageKey() {
            return "indicators.own.counts." + name();
        }
    }

    /** What it is divided by: nothing, or a built-in count of people of the period. */
    public enum Per {
        NONE(null), REACHED("REACHED"), ACTIVE("ACTIVE"), OPIOIDS_REACHED("OPIOIDS_REACHED"), ENROLLED("ENROLLED");

        final String measure;

        Per(String measure) {
            this.measure = measure;
        }

        public String messageKey() {
            return "indicators.own.per." + name();
        }
    }

    public String code() {
        return PREFIX + id;
    }

    public static boolean isOwn(String code) {
        return code != null && code.startsWith(PREFIX);
    }

    /**
     * As an indicator definition. Its message key has no message: pages and exports fall back to the numerator
     * text, which is the name the organisation gave it.
     */
    public IndicatorDefinition definition() {
        IndicatorUnit unit = per == Per.NONE ? IndicatorUnit.COUNT : counts == Counts.PEOPLE ? IndicatorUnit.PERCENT
                : IndicatorUnit.PER_100;
        List<Disaggregation> breakdowns = List.of(Disaggregation.SEX, Disaggregation.AGE_25, Disaggregation.AGE_BANDS,
                Disaggregation.KEY_POPULATION, Disaggregation.SITE, Disaggregation.HOTSPOT);
        return new IndicatorDefinition(code(), "indicator." + code(), name, null, unit, "ANY",
                breakdowns, null, null, null, "Own indicator of the organisation");
    }
}
