package org.reach.platform;

/** Which personal API token authenticated the current request: the details of its authentication. */
public record BearerToken(long id) {
}
