/**
 * Staff accounts: throttled sign-in, roles and site assignments, password resets and personal API
 * tokens. Clients never have accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
        allowedDependencies = {"platform", "audit", "organisations"})
package org.reach.accounts;
