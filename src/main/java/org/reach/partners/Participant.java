package org.reach.partners;

/** Participants are counted by organisation and role, never named; test scores are percentages. */
public record Participant(Long organisationId, String organisationName, String role, Integer preScore,
                          Integer postScore) {
}
