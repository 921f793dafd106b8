package org.reach.followup;

/**
 * Follow-up's own reasons for contact and their risk weights: the weeks after release from detention carry the
 * highest overdose risk, then HIV without treatment and a long break in OAT, then shorter breaks, a status about to
 * turn lost, a referral nobody closed, and last
 * the routine contact the programme aims for (see {@link ContactRhythm}).
 */
public enum Reason {
    RELEASED_FROM_DETENTION(90),
    MISSED_OAT_5(80),
    HIV_NOT_ON_ART(70),
    MISSED_OAT_3(60),
    TURNING_LOST(50),
    MISSED_OAT_1(40),
    REFERRAL_PAST_DUE(30),
    ROUTINE_CONTACT(20);

    private final int weight;

    Reason(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public String messageKey() {
        return "followup.reason." + name();
    }
}
