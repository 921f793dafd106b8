package org.reach.safety;

/** A substance suspected in an overdose; the list is checked in code so it can grow without a migration. */
public enum Substance {
    HEROIN, PHARMACEUTICAL_OPIOIDS, METHAMPHETAMINE, BENZODIAZEPINES, ALCOHOL, CANNABIS, SOLVENTS, OTHER, UNKNOWN;

    public String messageKey() {
        return "safety.substance." + name();
    }
}
