package org.reach.platform;

import java.util.List;

/**
 * Something a person should see on opening Reach: an alert (an overdose cluster, a violence report waiting for a
 * response) or a reminder (people due for follow-up). The text is a message with arguments, rendered in the reader's
 * language; arguments are shown as text, never as markup.
 *
 * @param id         a stable element id for the notice (tests and links use it)
 * @param urgent     whether it is shown as an alert rather than a reminder
 * @param messageKey the message, with {@code args} as its arguments
 * @param path       where the person acts on it, or null
 * @param order      position among the notices (lower first)
 */
public record StartPageNotice(String id, boolean urgent, String messageKey, List<Object> args, String path, int order) {

    public StartPageNotice {
        args = List.copyOf(args);
    }

    public Object[] arguments() {
        return args.toArray();
    }
}
