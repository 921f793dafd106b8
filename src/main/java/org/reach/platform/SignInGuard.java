package org.reach.platform;

/** Decides whether a sign-in attempt may be tried now, before its password is checked. */
public interface SignInGuard {

    /** Seconds this attempt must still wait; 0 when it may go ahead. Says nothing about whether the account exists. */
    long secondsToWait(String username, String clientAddress);
}
