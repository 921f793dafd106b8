package org.reach.platform;

/** Which enrolled field device authenticated the current request: the details of its authentication. */
public record DeviceCredential(long deviceId) {
}
