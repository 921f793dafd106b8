package org.reach.clients;

public enum Route {
    INJECTING, SMOKING, INHALING, ORAL;

    public String messageKey() {
        return "route." + name();
    }
}
