package org.reach.safety;

import java.time.LocalDate;

/** The contact after an overdose: when and what came of it. */
public record FollowUpForm(LocalDate date, String result) {
}
