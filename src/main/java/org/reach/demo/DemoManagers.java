package org.reach.demo;

import java.util.Optional;

import org.reach.accounts.SignIn;
import org.reach.platform.ReachUser;

/**
 * The managers of the two demo organisations, as the loaders act: by signing them in. Empty when the demo accounts
 * do not exist (an installation started without the demo, or one whose demo accounts were removed).
 */
record DemoManagers(ReachUser karachi, ReachUser mombasa) {

    static Optional<DemoManagers> signIn(SignIn signIn) {
        try {
            return Optional.of(new DemoManagers(signIn.loadUserByUsername("karachi.manager"),
                    signIn.loadUserByUsername("mombasa.manager")));
        } catch (RuntimeException noDemoAccounts) {
            return Optional.empty();
        }
    }
}
