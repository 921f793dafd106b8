package org.reach.safety;

/** A report uuid already stored with different content: the device is told, nothing is overwritten. */
public class OverdoseConflict extends RuntimeException {

    public OverdoseConflict(String uuid) {
        super("Overdose report " + uuid + " is already stored with different content");
    }
}
