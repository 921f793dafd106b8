package org.reach.clients;

import org.reach.platform.ReachUser;

/**
 * Told of each newly registered client while what the code was built from is still in memory, so a capability that
 * needs it (record linkage) can derive what it keeps before it is thrown away. Called synchronously, in the
 * registration's transaction: a failure undoes the registration. Implementations must not store, log or return the
 * identity itself.
 */
public interface RegistrationListener {

    /**
     * @param identity what the code was built from, or null when the client was registered with a typed code
     */
    void registered(ReachUser actor, Client client, Identity identity);

    /**
     * The identifying components of a registration, names normalised to the letters A to Z as for the code (accents
     * removed, Urdu and Arabic script transliterated); empty when not known. Never printed.
     */
    record Identity(String motherFirstName, String fatherFirstName, String ownFirstName, String ownLastName,
                    Gender gender, Integer birthYear, Integer birthMonth, Integer birthDay) {

        @Override
        public String toString() {
            return "Identity[redacted]";
        }
    }
}
