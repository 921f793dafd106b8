package org.reach.field;

/** A newly enrolled device and its token, shown to the phone once. */
public record EnrolledDevice(FieldDevice device, String token) {
}
