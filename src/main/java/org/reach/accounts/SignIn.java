package org.reach.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.reach.accounts.store.UserAccounts;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns accounts into signed-in people and locks an account for a while after repeated wrong
 * passwords, which stops guessing without needing an administrator to unlock it.
 */
@Service
public class SignIn implements UserDetailsService {

    private final UserAccounts accounts;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailedLogins;
    private final Duration lockout;

    SignIn(UserAccounts accounts, OrganisationDirectory directory, AuditTrail audit, Clock clock,
           @Value("${reach.security.max-failed-logins:5}") int maxFailedLogins,
           @Value("${reach.security.lockout:15m}") Duration lockout) {
        this.accounts = accounts;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.maxFailedLogins = maxFailedLogins;
        this.lockout = lockout;
    }

    @Override
    @Transactional(readOnly = true)
    public ReachUser loadUserByUsername(String username) {
        return current(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /** The person as they are now in the database, so changed roles or a deactivation apply at once. */
    @Transactional(readOnly = true)
    public Optional<ReachUser> reload(long id) {
        return accounts.byId(id, Instant.now(clock)).map(this::toUser);
    }

    private Optional<ReachUser> current(String username) {
        return accounts.byUsername(username, Instant.now(clock)).map(this::toUser);
    }

    private ReachUser toUser(UserAccounts.Stored stored) {
        UserAccount account = stored.account();
        boolean organisationActive = account.organisationId() == null || directory.isActive(account.organisationId());
        return new ReachUser(account.id(), account.username(), account.displayName(), account.organisationId(),
                account.programmeId(), account.roles(), account.siteIds(), account.language(),
                account.active() && organisationActive, account.locked(), account.passwordChangeRequired(),
                stored.passwordHash());
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal()).strip().toLowerCase(java.util.Locale.ROOT);
        Optional<UserAccounts.Stored> stored = accounts.byUsername(username, Instant.now(clock));
        if (stored.isEmpty()) {
            audit.recordSecurityEvent(null, truncate(username), null, AuditAction.LOGIN_FAILED, "unknown account");
            return;
        }
        UserAccount account = stored.get().account();
        boolean locked = accounts.recordFailedLogin(username, maxFailedLogins, Instant.now(clock).plus(lockout));
        audit.recordSecurityEvent(account.id(), username, account.organisationId(),
                locked ? AuditAction.ACCOUNT_LOCKED : AuditAction.LOGIN_FAILED, null);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ReachUser user) {
            accounts.recordSuccessfulLogin(user.getUsername());
            audit.recordSecurityEvent(user.id(), user.getUsername(), user.organisationId(), AuditAction.LOGIN, null);
        }
    }

    private static String truncate(String username) {
        return username.length() <= 60 ? username : username.substring(0, 60);
    }
}
