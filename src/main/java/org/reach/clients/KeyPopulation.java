package org.reach.clients;

public enum KeyPopulation {
    PEOPLE_WHO_INJECT_DRUGS, PEOPLE_WHO_USE_DRUGS_NOT_INJECTING, SEX_WORKER, MEN_WHO_HAVE_SEX_WITH_MEN, TRANSGENDER_PERSON, PEOPLE_IN_PRISON, OTHER;

    public String messageKey() {
        return "keyPopulation." + name();
    }
}
