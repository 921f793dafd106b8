package org.reach.clients;

public enum CareStage {
    HARM_REDUCTION, TREATMENT, LIFE_STABILITY;

    public String messageKey() {
        return "careStage." + name();
    }
}
