package org.reach.accounts;

/**
 * An account with its new one-time password, shown once and never stored in clear. When the one who
 * created or reset the account may not hold a credential to it (an administrator and an organisation's
 * account), {@code temporaryPassword} is null and {@code awaitingManager} is true: one of the organisation's
 * managers issues the one-time password from their start page.
 */
public record CreatedAccount(UserAccount account, String temporaryPassword, boolean awaitingManager) {
}
