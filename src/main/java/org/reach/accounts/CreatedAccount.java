package org.reach.accounts;

/** A new account and its one-time password, shown once to the manager and never stored in clear. */
public record CreatedAccount(UserAccount account, String temporaryPassword) {
}
