package org.reach.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.reach.accounts.store.UserAccounts;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns accounts into signed-in people. Wrong passwords are counted by the sign-in throttle, which slows
 * guessing down without locking the account: locking let anyone who knew a username shut its owner out.
 */
@Service
public class SignIn implements UserDetailsService {

    private final UserAccounts accounts;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final SignInThrottle throttle;
    private final Clock clock;

    SignIn(UserAccounts accounts, OrganisationDirectory directory, AuditTrail audit, SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
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

    /**
     * Whether a page session that signed in at this instant may go on: a password reset by someone else
     * ends every session signed in before it.
     */
    @Transactional(readOnly = true)
    public boolean sessionStillValid(long id, Instant signedInAt) {
        return accounts.sessionsValidFrom(id).map(from -> signedInAt != null && !signedInAt.isBefore(from)).orElse(true);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal()).strip().toLowerCase(java.util.Locale.ROOT);
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.failed(username, address);
        Optional<UserAccounts.Stored> stored = accounts.byUsername(username, Instant.now(clock));
        if (stored.isEmpty()) {
            audit.recordSecurityEvent(null, truncate(username), null, AuditAction.LOGIN_FAILED, "unknown account");
            return;
        }
        UserAccount account = stored.get().account();
        audit.recordSecurityEvent(account.id(), username, account.organisationId(), AuditAction.LOGIN_FAILED, null);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ReachUser user) {
            accounts.recordSuccessfulLogin(user.getUsername());
            throttle.forget(user.getUsername());
            audit.recordSecurityEvent(user.id(), user.getUsername(), user.organisationId(), AuditAction.LOGIN, null);
        }
    }

    private static String truncate(String username) {
        return username.length() <= 60 ? username : username.substring(0, 60);
    }
}
