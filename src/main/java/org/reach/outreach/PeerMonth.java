package org.reach.outreach;

/**
 * A peer's own figures for the month so far: contacts on sessions they were on (people met without a code and known
 * clients served) against their target, commodities handed out, and the caseload when it is known (null otherwise).
 */
public record PeerMonth(long contacts, long target, long syringes, long condoms, long naloxone, Integer caseload) {

    public boolean caseloadWithinNorm() {
        return caseload != null && caseload >= PeerCaseloads.NORM_LOW && caseload <= PeerCaseloads.NORM_HIGH;
    }
}
