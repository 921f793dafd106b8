package org.reach.followup;

/** How a peer tried to find someone. */
public enum TracingMethod {
    PHONE, HOTSPOT_VISIT, THROUGH_PEER, FAMILY;

    public String messageKey() {
        return "followup.tracingMethod." + name();
    }
}
