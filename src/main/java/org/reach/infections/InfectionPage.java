package org.reach.infections;

import java.util.List;

/** One page of infection records, newest first. */
public record InfectionPage(List<InfectionRecord> records, int page, int size, long total) {

    public InfectionPage {
        records = List.copyOf(records);
    }
}
