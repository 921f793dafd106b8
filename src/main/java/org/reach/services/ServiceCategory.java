package org.reach.services;

public enum ServiceCategory {
    PREVENTION, OVERDOSE, DRUG_TREATMENT, HIV, STI, HEPATITIS, TB, MEDICAL, MENTAL_HEALTH, BASIC_NEEDS, INFORMATION,
    SOCIAL, LIVELIHOOD;

    public String messageKey() {
        return "serviceCategory." + name();
    }
}
