package org.reach.followup;

/** What a client may consent to share with the receiving organisation; nothing else is sent. */
public enum SharedField {
    CODE, KEY_POPULATION, OAT_DOSE, OPEN_REFERRALS;

    public String messageKey() {
        return "followup.sharedField." + name();
    }
}
