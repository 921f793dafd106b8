package org.reach.partners;

/** An account that may be put on an assessment team. */
public record Assessor(long userId, String name, String organisation) {
}
