package org.reach.followup;

import java.time.LocalDate;

/** A release: the day, whether OAT went on inside, and whether naloxone was given on release. */
public record ReleaseForm(LocalDate releasedOn, OatInside oatInside, Boolean naloxoneOnRelease) {
}
