package org.reach.infections;

/** A uuid already stored with different content: the sender must make a new uuid for a new record. */
public class InfectionConflict extends RuntimeException {

    public InfectionConflict(String uuid) {
        super("Infection record " + uuid + " is already stored with different content");
    }
}
