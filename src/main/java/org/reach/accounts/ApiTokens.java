package org.reach.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.reach.accounts.store.ApiTokenStore;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.platform.ApiTokenAuthenticator;
import org.reach.platform.BearerToken;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is 32 random bytes; only its SHA-256 hash is stored, which is enough for
 * a secret of that strength and keeps every API call fast (no slow password hash per request).
 */
@Service
@Transactional
public class ApiTokens implements ApiTokenAuthenticator {

    static final String PREFIX = "reach_";
    /** A token without a stated lifetime lives this long; none lives longer than the maximum. */
    static final int DEFAULT_VALID_DAYS = 90;
    static final int MAX_VALID_DAYS = 366;

    private final ApiTokenStore tokens;
    private final SignIn signIn;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenStore tokens, SignIn signIn, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.signIn = signIn;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> mine(ReachUser actor) {
        return tokens.ofUser(actor.id());
    }

    /** Issues a token from a signed-in page session. */
    public IssuedToken issue(ReachUser actor, TokenRequest request) {
        return issue(actor, request, null);
    }

    /**
     * Issues a token; when another token asks for it, the new one is that token's child: it ends no later
     * than its parent and is revoked with it, so a stolen token cannot leave heirs behind.
     */
    public IssuedToken issue(ReachUser actor, TokenRequest request, BearerToken parent) {
        String name = request.name() == null ? "" : request.name().strip();
        Problems problems = new Problems();
        problems.check(!name.isEmpty(), "name", "error.required");
        problems.check(name.length() <= 100, "name", "error.tooLong", 100);
        problems.check(request.validForDays() == null || (request.validForDays() >= 1 && request.validForDays() <= MAX_VALID_DAYS),
                "validForDays", "token.error.validity", MAX_VALID_DAYS);
        problems.throwIfAny();
        Instant now = Instant.now(clock);
        Instant expires = now.plus(Duration.ofDays(request.validForDays() == null ? DEFAULT_VALID_DAYS : request.validForDays()));
        Long parentId = null;
        if (parent != null) {
            ApiToken parentToken = tokens.byId(parent.id()).filter(t -> t.userId() == actor.id())
                    .map(ApiTokenStore.Owned::token).filter(t -> t.usable(now))
                    .orElseThrow(() -> new NotFound("api-token", parent.id()));
            parentId = parentToken.id();
            if (parentToken.expiresAt() != null && parentToken.expiresAt().isBefore(expires)) {
                expires = parentToken.expiresAt();
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = tokens.insert(actor.id(), name, hash(secret), secret.substring(0, PREFIX.length() + 6), now, expires,
                parentId);
        audit.recordWrite(actor, actor.organisationId(), AuditAction.TOKEN_CREATED, "api-token", id,
                parentId == null ? name : name + " (issued by token " + parentId + ")");
        return new IssuedToken(tokens.byId(id).orElseThrow().token(), secret);
    }

    public void revoke(ReachUser actor, long tokenId) {
        ApiTokenStore.Owned owned = tokens.byId(tokenId).filter(t -> t.userId() == actor.id())
                .orElseThrow(() -> new NotFound("api-token", tokenId));
        Instant now = Instant.now(clock);
        tokens.revoke(tokenId, now);
        int children = tokens.revokeDescendants(tokenId, now);
        audit.recordWrite(actor, actor.organisationId(), AuditAction.TOKEN_REVOKED, "api-token", tokenId,
                children == 0 ? owned.token().name() : owned.token().name() + " and " + children + " issued through it");
    }

    /** Revokes every token of an account, e.g. when someone else resets its password. */
    void revokeAllOf(ReachUser actor, long accountId, Long organisationId) {
        int revoked = tokens.revokeAllOf(accountId, Instant.now(clock));
        if (revoked > 0) {
            audit.recordWrite(actor, organisationId, AuditAction.TOKEN_REVOKED, "account", accountId,
                    revoked + " API tokens revoked with the password reset");
        }
    }

    private static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofMinutes(1);

    /**
     * A token works while it is neither revoked nor expired and its person is active and has chosen their own
     * password: a one-time password set by a manager also stops the person's scripts until they choose one.
     */
    @Override
    public Optional<Authenticated> authenticate(String rawToken) {
        if (rawToken == null || !rawToken.startsWith(PREFIX) || rawToken.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return tokens.byHash(hash(rawToken))
                .filter(owned -> owned.token().usable(now))
                .flatMap(owned -> {
                    Instant lastUsed = owned.token().lastUsedAt();
                    if (lastUsed == null || lastUsed.isBefore(now.minus(TOUCH_EVERY))) {
                        // "last used" is for people reviewing their tokens: a minute's precision is plenty, and
                        // not writing it on every call keeps busy devices from queueing on the token's row
                        tokens.touch(owned.token().id(), now);
                    }
                    return signIn.reload(owned.userId())
                            .filter(user -> user.isEnabled() && !user.passwordChangeRequired())
                            .map(user -> new Authenticated(user, new BearerToken(owned.token().id())));
                });
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
