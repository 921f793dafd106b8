package org.reach.safety;

/** What was seen: the signs of an opioid overdose (WHO 2014). */
public enum Sign {
    UNRESPONSIVE, SLOW_OR_NO_BREATHING, BLUE_LIPS, PINPOINT_PUPILS, CHOKING_OR_GURGLING, SEIZURE;

    public String messageKey() {
        return "safety.sign." + name();
    }
}
