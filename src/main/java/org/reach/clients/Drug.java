package org.reach.clients;

public enum Drug {
    HEROIN, METHAMPHETAMINE, CANNABIS, PHARMACEUTICAL_OPIOIDS, BENZODIAZEPINES, ALCOHOL, SOLVENTS, COCAINE, OTHER;

    public String messageKey() {
        return "drug." + name();
    }
}
