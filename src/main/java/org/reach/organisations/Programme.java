package org.reach.organisations;

/** A multi-country or national project that groups organisations, e.g. one coordinated by a Dutch NGO. */
public record Programme(long id, String name, String description, boolean active) {
}
