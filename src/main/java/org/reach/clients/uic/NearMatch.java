package org.reach.clients.uic;

/** An existing code that may belong to the same person, and why it looks close. */
public record NearMatch(String code, Kind kind) {

    public enum Kind {
        ONE_CHARACTER_DIFFERENT, DAY_AND_MONTH_SWAPPED, PARENTS_SWAPPED;

        public String messageKey() {
            return "nearMatch." + name();
        }
    }
}
