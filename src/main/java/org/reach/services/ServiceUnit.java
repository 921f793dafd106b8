package org.reach.services;

/** How a service is counted: items handed out, days of doses, given or not, or a test with a result. */
public enum ServiceUnit {
    COUNT, DOSE_DAYS, YES_NO, RESULT;

    public String messageKey() {
        return "serviceUnit." + name();
    }
}
