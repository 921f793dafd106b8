package org.reach.rights;

/**
 * One count of the advocacy report as it may leave the organisation: a number, "&lt;5" for a count of 1 to 4, or "*"
 * for a count hidden so that a small one cannot be worked out from the others.
 *
 * @param category a code (type, perpetrator), a month ({@code 2026-03}) or a city name
 */
public record AdvocacyCell(String category, String count) {

    public boolean hidden() {
        return !count.chars().allMatch(Character::isDigit);
    }
}
