package org.reach.clients.uic;

import org.reach.clients.Gender;

/**
 * What the registration form asks for to build a code. These values identify a person: they are used
 * once to compute the code and must never be stored, logged or echoed back in a response.
 * A null or blank parent name means unknown (the person's own initials stand in); a null date part
 * means unknown.
 */
public record UicComponents(String motherFirstName, String fatherFirstName, String ownFirstName, String ownLastName,
                            Gender gender, Integer birthYear, Integer birthMonth, Integer birthDay, Integer birthOrder) {

    @Override
    public String toString() {
        // Never print the components, not even by accident in a log line or an exception message.
        return "UicComponents[redacted]";
    }
}
