package org.reach.field;

/** A device as the organisation manager sees it: with its peer's display name. */
public record DeviceListing(FieldDevice device, String peerName) {
}
