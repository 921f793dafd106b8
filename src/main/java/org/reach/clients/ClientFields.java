package org.reach.clients;

/** How the registry's forms clean their text, the same way in registration, corrections and status changes. */
final class ClientFields {

    private ClientFields() {
    }

    /** The text without surrounding spaces; nothing at all when only spaces were typed. */
    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
