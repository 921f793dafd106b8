package org.reach.services;

import java.util.List;

/** One page of encounters, newest first: the same shape and parameters as the client list. */
public record EncounterPage(List<Encounter> encounters, int page, int size, long total) {

    public EncounterPage {
        encounters = List.copyOf(encounters);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
