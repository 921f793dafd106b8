package org.reach.indicators;

import java.util.List;

/**
 * One data-quality check beside the indicators: how many records it found (shown as "&lt;5" where small counts
 * are suppressed) and a few examples (sites and months, never clients).
 */
public record DataQualityCheck(Kind kind, String shown, boolean clean, List<String> examples) {

    public DataQualityCheck {
        examples = List.copyOf(examples);
    }

    public enum Kind {
        /** Registered clients with no encounter at all up to the end of the period. */
        CLIENTS_WITHOUT_ENCOUNTER,
        /** Clients whose birth year, primary drug or route is missing, so they drop out of breakdowns. */
        CLIENTS_MISSING_FACTS,
        /** Values that cannot be right: huge quantities, impossible ages, encounters before first contact. */
        IMPOSSIBLE_VALUES,
        /** A site's monthly encounters rising or falling by more than half from a month of at least 20. */
        SUDDEN_JUMPS;

        public String messageKey() {
            return "indicators.quality." + name();
        }
    }
}
