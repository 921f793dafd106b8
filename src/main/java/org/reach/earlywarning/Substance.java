package org.reach.earlywarning;

public record Substance(long id, String name) {
}
