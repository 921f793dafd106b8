package org.reach.rar;

import java.util.Map;

/**
 * One size estimate with its range, the inputs it was computed from and the formula (as text), so a
 * reader can redo the arithmetic.
 */
public record Estimate(Method method, double point, double low, double high, Map<String, Object> inputs, String formula) {

    public enum Method {
        CAPTURE_RECAPTURE, MULTIPLIER, KEY_INFORMANTS, DIRECT_COUNT;

        public String messageKey() {
            return "rar.method." + name();
        }
    }

    public Estimate {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    public long rounded() {
        return Math.round(point);
    }

    public long roundedLow() {
        return Math.round(Math.floor(low));
    }

    public long roundedHigh() {
        return Math.round(Math.ceil(high));
    }
}
