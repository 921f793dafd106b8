package org.reach.services;

public enum ProviderType {
    ART_CLINIC, OAT_CENTRE, REHABILITATION, TB_CLINIC, DENTAL, MENTAL_HEALTH, LEGAL_AID, SHELTER, OTHER;

    public String messageKey() {
        return "providerType." + name();
    }
}
