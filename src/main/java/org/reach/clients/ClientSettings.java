package org.reach.clients;

import org.reach.clients.uic.UicScheme;

import java.time.LocalDate;

/**
 * How one organisation builds its codes, and the status rule: active while the last contact is at most
 * {@code activeMonths} old, defaulter until {@code lostAfterMonths}, lost to follow-up after that. This is the one
 * place the rule lives: the client list and the indicators both ask it, so they cannot disagree on a boundary day.
 */
public record ClientSettings(long organisationId, UicScheme scheme, int activeMonths, int lostAfterMonths) {

    public static final int DEFAULT_ACTIVE_MONTHS = 3;
    public static final int DEFAULT_LOST_AFTER_MONTHS = 9;

    /**
     * The first day of contact that still counts as active on {@code day}: {@code activeMonths} before it, that day
     * included (with three months, a client last seen on 30 March is still active on 30 June).
     */
    public LocalDate activeSince(LocalDate day) {
        return day.minusMonths(activeMonths);
    }

    /** A last contact before this day makes a client lost to follow-up on {@code day}. */
    public LocalDate lostBefore(LocalDate day) {
        return day.minusMonths(lostAfterMonths);
    }

    /** The status the contact rule gives on {@code day} to a client last contacted on {@code lastContact}. */
    public ClientStatus statusOn(LocalDate lastContact, LocalDate day) {
        if (!lastContact.isBefore(activeSince(day))) {
            return ClientStatus.ACTIVE;
        }
        return lastContact.isBefore(lostBefore(day)) ? ClientStatus.LOST_TO_FOLLOW_UP : ClientStatus.DEFAULTER;
    }

    public static ClientSettings defaults(long organisationId) {
        return new ClientSettings(organisationId, UicScheme.PARENTS_SEX_YEAR, DEFAULT_ACTIVE_MONTHS, DEFAULT_LOST_AFTER_MONTHS);
    }
}
