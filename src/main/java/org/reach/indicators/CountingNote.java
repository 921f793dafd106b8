package org.reach.indicators;

import java.util.List;

/**
 * A line the dashboard shows under the tiles to say how some figures count people (for instance: counted once across
 * organisations, using the links of a given linkage run). A message key with arguments, shown in the reader's
 * language; no client-level data.
 */
public record CountingNote(String messageKey, List<Object> arguments) {

    public CountingNote {
        arguments = List.copyOf(arguments);
    }
}
