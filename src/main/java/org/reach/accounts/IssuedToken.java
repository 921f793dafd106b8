package org.reach.accounts;

/** A freshly issued token with its secret, which is shown once and then only its hash is kept. */
public record IssuedToken(ApiToken token, String secret) {
}
