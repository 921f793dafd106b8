package org.reach.organisations;

import java.util.List;

/** An NGO or partner; client-level data never leaves it. Country is ISO 3166 alpha-2, languages ISO 639. */
public record Organisation(long id, Long programmeId, String name, String countryCode, List<String> languages,
                           boolean active) {

    public Organisation {
        languages = List.copyOf(languages);
    }
}
