package org.reach.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.reach.accounts.store.PasswordResets;
import org.reach.accounts.store.UserAccounts;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.Languages;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and managing staff accounts. Administrators manage everyone; organisation managers manage
 * their own organisation's staff; site managers manage the outreach workers of their own sites.
 */
@Service
@Transactional
public class Accounts {

    static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    /** How long the start page announces a reset that needed no action from the manager. */
    private static final java.time.Duration RESET_NOTICE_DAYS = java.time.Duration.ofDays(14);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts accounts;
    private final PasswordResets resets;
    private final ApiTokens tokens;
    private final SignInThrottle throttle;
    private final OrganisationDirectory directory;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(UserAccounts accounts, PasswordResets resets, ApiTokens tokens, SignInThrottle throttle,
             OrganisationDirectory directory, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.tokens = tokens;
        this.throttle = throttle;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    /** Administrators list every account; organisation and site managers their organisation's. */
    public boolean mayListAccounts(ReachUser actor) {
        return actor.isAdmin()
                || (actor.organisationId() != null && (actor.has(Role.ORG_MANAGER) || actor.has(Role.SITE_MANAGER)));
    }

    public List<UserAccount> list(ReachUser actor) {
        List<UserAccount> candidates;
        if (actor.isAdmin()) {
            candidates = accounts.all(now());
        } else if (mayListAccounts(actor)) {
            candidates = accounts.ofOrganisation(actor.organisationId(), now());
        } else {
            throw new Forbidden("list accounts");
        }
        return candidates.stream().filter(a -> mayManage(actor, a)).toList();
    }

    @Transactional(readOnly = true)
    public UserAccount account(ReachUser actor, long id) {
        return accounts.byId(id, now()).map(UserAccounts.Stored::account).filter(a -> mayManage(actor, a))
                .orElseThrow(() -> new NotFound("account", id));
    }

    @Transactional(readOnly = true)
    public UserAccount me(ReachUser actor) {
        return accounts.byId(actor.id(), now()).map(UserAccounts.Stored::account)
                .orElseThrow(() -> new NotFound("account", actor.id()));
    }

    /** The roles this person may hand out, for the account form. */
    public Set<Role> grantableRoles(ReachUser actor) {
        if (actor.isAdmin()) {
            // Administrators run the system, not the programme: they can hand out every role, but the
            // validation keeps ADMIN and the client-level roles on separate accounts.
            return EnumSet.allOf(Role.class);
        }
        if (actor.has(Role.ORG_MANAGER)) {
            return EnumSet.copyOf(Role.ORGANISATION_STAFF);
        }
        if (actor.has(Role.SITE_MANAGER)) {
            return EnumSet.of(Role.OUTREACH_WORKER);
        }
        return EnumSet.noneOf(Role.class);
    }

    public boolean mayCreateAccounts(ReachUser actor) {
        return !grantableRoles(actor).isEmpty();
    }

    public CreatedAccount create(ReachUser actor, AccountForm form) {
        if (!mayCreateAccounts(actor)) {
            throw new Forbidden("create account");
        }
        AccountForm clean = validate(actor, form, null);
        // The first account of a new organisation can only come from an administrator, and there are no
        // clients yet for it to read; every later one goes through the organisation's managers.
        boolean handOver = !mayHoldCredential(actor, clean.organisationId())
                && accounts.organisationHasAccounts(clean.organisationId());
        String temporary = temporaryPassword();
        long id = accounts.insert(clean.username(), clean.displayName(), clean.organisationId(), clean.programmeId(),
                clean.language(), passwords.encode(handOver ? unusablePassword() : temporary), true, now());
        accounts.replaceRoles(id, clean.roles());
        accounts.replaceSites(id, clean.siteIds());
        audit.recordWrite(actor, clean.organisationId(), AuditAction.CREATE, "account", id,
                clean.username() + " " + clean.roles() + (handOver ? "; one-time password to be issued by a manager" : ""));
        if (handOver) {
            resets.insert(id, clean.organisationId(), actor.id(), now(), true);
        }
        return new CreatedAccount(account(actor, id), handOver ? null : temporary, handOver);
    }

    public UserAccount update(ReachUser actor, long id, AccountForm form) {
        UserAccount current = account(actor, id);
        AccountForm clean = validate(actor, new AccountForm(current.username(), form.displayName(), form.organisationId(),
                form.programmeId(), form.roles(), form.siteIds(), form.language()), id);
        Problems problems = new Problems();
        // Nobody changes their own roles: a manager would lock themselves out by mistake, and an administrator
        // would give themselves a way into client records.
        problems.check(actor.id() != id || clean.roles().equals(current.roles()), "roles", "account.error.ownRoles");
        // Being assigned to a site shows its clients' aliases: another manager or an administrator decides that.
        problems.check(actor.id() != id || clean.siteIds().equals(current.siteIds()), "siteIds", "account.error.ownSites");
        // Moving an account to another organisation would hand its existing credentials that organisation's clients.
        problems.check(java.util.Objects.equals(current.organisationId(), clean.organisationId()),
                "organisationId", "account.error.organisationFixed");
        problems.throwIfAny();
        accounts.update(id, clean.displayName(), clean.organisationId(), clean.programmeId(), clean.language(), now());
        accounts.replaceRoles(id, clean.roles());
        accounts.replaceSites(id, clean.siteIds());
        audit.recordWrite(actor, clean.organisationId(), AuditAction.UPDATE, "account", id,
                current.username() + " " + clean.roles());
        return account(actor, id);
    }

    public UserAccount setActive(ReachUser actor, long id, boolean active) {
        UserAccount current = account(actor, id);
        if (actor.id() == id && !active) {
            throw InvalidInput.of("active", "account.error.ownAccount");
        }
        accounts.setActive(id, active, now());
        audit.recordWrite(actor, current.organisationId(), active ? AuditAction.REACTIVATE : AuditAction.DEACTIVATE,
                "account", id, current.username());
        return account(actor, id);
    }

    /**
     * Resets someone else's password: the account's sessions end, its API tokens are revoked and its
     * organisation's managers see the reset on their start page. The new one-time password goes to the one who
     * reset it only when they may hold a credential to the account; an administrator resetting an
     * organisation's account gets none: one of that organisation's managers issues it.
     */
    public CreatedAccount resetPassword(ReachUser actor, long id) {
        UserAccount current = account(actor, id);
        if (actor.id() == id) {
            throw InvalidInput.of("password", "account.error.resetOwn");
        }
        boolean handOver = !mayHoldCredential(actor, current.organisationId());
        String temporary = temporaryPassword();
        Instant now = now();
        accounts.setPassword(id, passwords.encode(handOver ? unusablePassword() : temporary), true, now);
        accounts.endSessions(id, now);
        tokens.revokeAllOf(actor, id, current.organisationId());
        throttle.forget(current.username());
        resets.closeAwaiting(id);
        resets.insert(id, current.organisationId(), actor.id(), now, handOver);
        audit.recordWrite(actor, current.organisationId(), AuditAction.PASSWORD_RESET, "account", id,
                current.username() + (handOver ? "; one-time password to be issued by a manager" : ""));
        return new CreatedAccount(account(actor, id), handOver ? null : temporary, handOver);
    }

    /** Resets in the manager's organisation done by others: waiting for a one-time password, or recent. */
    @Transactional(readOnly = true)
    public List<PasswordResetNotice> resetNotices(ReachUser actor) {
        if (actor.organisationId() == null || !actor.has(Role.ORG_MANAGER)) {
            return List.of();
        }
        return resets.ofOrganisation(actor.organisationId(), now().minus(RESET_NOTICE_DAYS)).stream()
                .filter(r -> r.resetBy() != actor.id() && r.accountId() != actor.id())
                .map(r -> new PasswordResetNotice(r.id(), r.accountId(), r.username(),
                        r.resetByUsername() == null ? "system" : r.resetByUsername(), r.resetAt(), r.awaitingHandover()))
                .toList();
    }

    /** An organisation manager issues the one-time password that an administrator's reset left waiting. */
    public CreatedAccount issueWaitingPassword(ReachUser actor, long resetId) {
        PasswordResets.Row reset = resets.byId(resetId)
                .filter(r -> r.awaitingHandover() && r.organisationId() != null && r.accountId() != actor.id()
                        && actor.has(Role.ORG_MANAGER) && actor.isMemberOf(r.organisationId()))
                .orElseThrow(() -> new NotFound("password-reset", resetId));
        UserAccount target = accounts.byId(reset.accountId(), now()).map(UserAccounts.Stored::account)
                .orElseThrow(() -> new NotFound("password-reset", resetId));
        if (!mayManage(actor, target) || !resets.markHandedOver(resetId, actor.id(), now())) {
            throw new NotFound("password-reset", resetId);
        }
        String temporary = temporaryPassword();
        accounts.setPassword(target.id(), passwords.encode(temporary), true, now());
        audit.recordWrite(actor, target.organisationId(), AuditAction.PASSWORD_RESET, "account", target.id(),
                target.username() + "; one-time password issued by the organisation's manager");
        return new CreatedAccount(account(actor, target.id()), temporary, false);
    }

    public UserAccount unlock(ReachUser actor, long id) {
        UserAccount current = account(actor, id);
        accounts.unlock(id, now());
        throttle.forget(current.username());
        audit.recordWrite(actor, current.organisationId(), AuditAction.UPDATE, "account", id, "failed sign-ins cleared");
        return account(actor, id);
    }

    public void changeOwnPassword(ReachUser actor, PasswordChange change) {
        UserAccounts.Stored stored = accounts.byId(actor.id(), now()).orElseThrow(() -> new NotFound("account", actor.id()));
        Problems problems = new Problems();
        problems.check(change.currentPassword() != null && passwords.matches(change.currentPassword(), stored.passwordHash()),
                "currentPassword", "account.error.currentPassword");
        PasswordPolicy.check(problems, "newPassword", change.newPassword(), stored.account().username(),
                organisationName(actor, stored.account().organisationId()));
        problems.check(change.newPassword() != null && change.newPassword().equals(change.confirmation()),
                "confirmation", "account.error.confirmation");
        problems.check(change.newPassword() == null || !change.newPassword().equals(change.currentPassword()),
                "newPassword", "account.error.samePassword");
        problems.throwIfAny();
        accounts.setPassword(actor.id(), passwords.encode(change.newPassword()), false, now());
        audit.recordWrite(actor, actor.organisationId(), AuditAction.PASSWORD_CHANGED, "account", actor.id(), null);
    }

    public void changeOwnLanguage(ReachUser actor, String language) {
        if (!Languages.isSupported(language)) {
            throw InvalidInput.of("language", "account.error.language");
        }
        accounts.setLanguage(actor.id(), language, now());
        audit.recordWrite(actor, actor.organisationId(), AuditAction.UPDATE, "account", actor.id(), "language " + language);
    }

    /** Creates the first administrator of a new installation; refused once any account exists. */
    public UserAccount createFirstAdministrator(String username, String password) {
        if (accounts.count() > 0) {
            throw new Forbidden("first administrator exists");
        }
        Problems problems = new Problems();
        problems.check(username != null && USERNAME.matcher(username).matches(), "username", "account.error.username");
        PasswordPolicy.check(problems, "password", password, username, null);
        problems.throwIfAny();
        long id = accounts.insert(username, "Administrator", null, null, Languages.DEFAULT, passwords.encode(password),
                false, now());
        accounts.replaceRoles(id, EnumSet.of(Role.ADMIN));
        audit.recordWrite(ReachUser.system(), null, AuditAction.CREATE, "account", id, username + " [ADMIN]");
        return accounts.byId(id, now()).orElseThrow().account();
    }

    /** Sets a known password for an account, e.g. for demonstration log-ins; only the system may do it. */
    public void setPasswordBySystem(ReachUser actor, long id, String password) {
        if (actor.id() != 0) {
            throw new Forbidden("set password");
        }
        accounts.setPassword(id, passwords.encode(password), false, now());
    }

    public boolean exists(String username) {
        return accounts.usernameTaken(username);
    }

    // ---- who manages whom

    boolean mayManage(ReachUser actor, UserAccount target) {
        if (actor.isAdmin()) {
            return true;
        }
        if (target.organisationId() == null || !actor.isMemberOf(target.organisationId())) {
            return false;
        }
        if (actor.has(Role.ORG_MANAGER)) {
            return Role.ORGANISATION_STAFF.containsAll(target.roles());
        }
        if (actor.has(Role.SITE_MANAGER)) {
            return target.roles().equals(Set.of(Role.OUTREACH_WORKER)) && actor.siteIds().containsAll(target.siteIds());
        }
        return false;
    }

    private AccountForm validate(ReachUser actor, AccountForm form, Long id) {
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(java.util.Locale.ROOT);
        String displayName = form.displayName() == null ? "" : form.displayName().strip();
        String language = form.language() == null || form.language().isBlank() ? Languages.DEFAULT : form.language();
        Set<Role> roles = form.roles();
        Problems problems = new Problems();
        if (id == null) {
            if (!USERNAME.matcher(username).matches()) {
                problems.add("username", "account.error.username");
            } else if (accounts.usernameTaken(username)) {
                problems.add("username", "account.error.usernameTaken");
            }
        }
        problems.check(!displayName.isEmpty(), "displayName", "error.required");
        problems.check(displayName.length() <= 100, "displayName", "error.tooLong", 100);
        problems.check(Languages.isSupported(language), "language", "account.error.language");
        if (roles.isEmpty()) {
            problems.add("roles", "account.error.roles");
        } else if (!grantableRoles(actor).containsAll(roles)) {
            problems.add("roles", "account.error.roleNotAllowed");
        } else if (roles.contains(Role.ADMIN) && roles.stream().anyMatch(Role.ORGANISATION_STAFF::contains)) {
            // Administrators never see client-level data: not even through a second role on the same account.
            problems.add("roles", "account.error.adminWithClientRole");
        }
        boolean staff = roles.stream().anyMatch(Role.ORGANISATION_STAFF::contains);
        Long organisationId = actor.isAdmin() ? form.organisationId() : actor.organisationId();
        if (staff && organisationId == null) {
            problems.add("organisationId", "account.error.organisation");
        }
        if (organisationId != null) {
            try {
                Organisation organisation = directory.organisation(actor, organisationId);
                problems.check(organisation.active(), "organisationId", "account.error.organisationInactive");
            } catch (NotFound unknown) {
                problems.add("organisationId", "error.unknown");
            }
        }
        Long programmeId = roles.contains(Role.COORDINATOR) ? form.programmeId() : null;
        if (roles.contains(Role.COORDINATOR)) {
            if (programmeId == null) {
                problems.add("programmeId", "account.error.programme");
            } else {
                try {
                    directory.programme(actor, programmeId);
                } catch (NotFound unknown) {
                    problems.add("programmeId", "error.unknown");
                }
            }
        }
        Set<Long> sites = staff ? form.siteIds() : Set.of();
        for (Long siteId : sites) {
            try {
                Site site = directory.site(actor, siteId);
                if (organisationId == null || site.organisationId() != organisationId) {
                    problems.add("siteIds", "account.error.siteOfOtherOrganisation");
                }
            } catch (NotFound unknown) {
                problems.add("siteIds", "error.unknown");
            }
        }
        if ((roles.contains(Role.SITE_MANAGER) || roles.contains(Role.OUTREACH_WORKER)) && sites.isEmpty()) {
            problems.add("siteIds", "account.error.sitesRequired");
        }
        if (!actor.isAdmin() && actor.has(Role.SITE_MANAGER) && !actor.has(Role.ORG_MANAGER)
                && !actor.siteIds().containsAll(sites)) {
            problems.add("siteIds", "account.error.siteNotYours");
        }
        problems.throwIfAny();
        return new AccountForm(username, displayName, organisationId, programmeId, roles, sites, language);
    }

    /**
     * Only the organisation's own managers (and the system) may hold a credential to an organisation's
     * account; administrators may for accounts outside any organisation (administrators, coordinators).
     */
    private static boolean mayHoldCredential(ReachUser actor, Long organisationId) {
        return actor.id() == 0 || organisationId == null || (!actor.isAdmin() && actor.isMemberOf(organisationId));
    }

    /** The name of the person's own organisation, which a member always sees. */
    private String organisationName(ReachUser actor, Long organisationId) {
        if (organisationId == null) {
            return null;
        }
        try {
            return directory.organisation(actor, organisationId).name();
        } catch (NotFound gone) {
            return null;
        }
    }

    /** A password nobody knows, for an account whose one-time password a manager has yet to issue. */
    private String unusablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
