package org.reach.earlywarning;

/** How many of the four detectors alarmed in the week: one is LOW, two MEDIUM, three or four HIGH. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    static Severity of(int detectors) {
        return detectors >= 3 ? HIGH : detectors == 2 ? MEDIUM : LOW;
    }
}
