package org.reach.partners;

public record Visitor(Long organisationId, String organisationName, Integer people) {
}
