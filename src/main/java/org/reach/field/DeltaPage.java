package org.reach.field;

import java.util.List;

/**
 * One page of a device's delta download. The phone sends {@code cursor} back for the next page (which also confirms
 * it kept this one); when {@code more} is false it keeps the cursor and starts its next download with it, which then
 * gives only what changed since.
 */
public record DeltaPage(List<DeltaItem> items, String cursor, boolean more, String catalogueVersion) {
}
