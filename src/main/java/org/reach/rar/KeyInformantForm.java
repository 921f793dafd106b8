package org.reach.rar;

public record KeyInformantForm(String informant, Integer minimum, Integer maximum) {
}
