package org.reach.field;

/** How a supervisor settled a conflict: the stored record stands, or they changed it to the phone's version. */
public enum Resolution {
    KEPT_SERVER, APPLIED_PHONE;

    public String messageKey() {
        return "fieldapp.resolution." + name();
    }
}
