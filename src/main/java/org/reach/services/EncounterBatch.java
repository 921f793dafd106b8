package org.reach.services;

import java.util.List;

/** Up to 500 encounters, validated together and written together or not at all. */
public record EncounterBatch(List<EncounterForm> encounters) {

    public EncounterBatch {
        encounters = encounters == null ? List.of() : encounters;
    }
}
