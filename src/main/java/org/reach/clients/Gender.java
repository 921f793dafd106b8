package org.reach.clients;

public enum Gender {
    FEMALE, MALE, TRANSGENDER_WOMAN, TRANSGENDER_MAN, OTHER;

    public String messageKey() {
        return "gender." + name();
    }
}
