package org.reach.clients;

import org.reach.clients.uic.UicScheme;

/**
 * How one organisation builds its codes, and the status rule: active while the last contact is at most
 * {@code activeMonths} old, defaulter until {@code lostAfterMonths}, lost to follow-up after that.
 */
public record ClientSettings(long organisationId, UicScheme scheme, int activeMonths, int lostAfterMonths) {

    public static final int DEFAULT_ACTIVE_MONTHS = 3;
    public static final int DEFAULT_LOST_AFTER_MONTHS = 9;

    public static ClientSettings defaults(long organisationId) {
        return new ClientSettings(organisationId, UicScheme.PARENTS_SEX_YEAR, DEFAULT_ACTIVE_MONTHS, DEFAULT_LOST_AFTER_MONTHS);
    }
}
