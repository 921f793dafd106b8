package org.reach.followup;

/** Where a person is held. */
public enum FacilityType {
    PRISON, POLICE_LOCKUP, COMPULSORY_CENTRE, REHAB;

    public String messageKey() {
        return "followup.facilityType." + name();
    }
}
