package org.reach.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new production installation has no accounts and no demo data: the first administrator is created
 * from REACH_ADMIN_USERNAME and REACH_ADMIN_PASSWORD at start-up, and only while no account exists.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final org.reach.accounts.store.UserAccounts store;
    private final String username;
    private final String password;

    FirstAdministrator(Accounts accounts, org.reach.accounts.store.UserAccounts store,
                       @Value("${reach.bootstrap.admin-username:}") String username,
                       @Value("${reach.bootstrap.admin-password:}") String password) {
        this.accounts = accounts;
        this.store = store;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.count() > 0) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("Reach has no accounts yet. Start it once with REACH_ADMIN_USERNAME and REACH_ADMIN_PASSWORD "
                    + "(at least {} characters) to create the first administrator.", Accounts.MIN_PASSWORD_LENGTH);
            return;
        }
        accounts.createFirstAdministrator(username.strip().toLowerCase(java.util.Locale.ROOT), password);
        log.info("Created the first administrator account '{}'.", username.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
