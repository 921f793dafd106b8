package org.reach.services;

public enum TestResult {
    NEGATIVE, POSITIVE, INCONCLUSIVE, NOT_DISCLOSED;

    public String messageKey() {
        return "testResult." + name();
    }
}
