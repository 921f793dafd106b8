package org.reach.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.reach.platform.SignInGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down instead of locking accounts: after a few wrong passwords for one username,
 * or from one client address, every further attempt must wait, twice as long each time up to a maximum.
 * Usernames are counted whether or not the account exists, so the answer never tells which exist; and
 * nothing here touches the account itself, so nobody can lock a colleague out or stop their API tokens.
 * Counts live in this instance's memory and are forgotten after a quiet day.
 */
@Component
class SignInThrottle implements SignInGuard {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int freeAttemptsPerUsername;
    private final int freeAttemptsPerAddress;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock,
                   @Value("${reach.security.throttle.free-attempts-per-username:5}") int freeAttemptsPerUsername,
                   @Value("${reach.security.throttle.free-attempts-per-address:20}") int freeAttemptsPerAddress,
                   @Value("${reach.security.throttle.first-delay:5s}") Duration firstDelay,
                   @Value("${reach.security.throttle.max-delay:15m}") Duration maxDelay,
                   @Value("${reach.security.throttle.forget-after:24h}") Duration forgetAfter) {
        this.clock = clock;
        this.freeAttemptsPerUsername = freeAttemptsPerUsername;
        this.freeAttemptsPerAddress = freeAttemptsPerAddress;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    private record Failures(int count, Instant last) {
    }

    @Override
    public long secondsToWait(String username, String clientAddress) {
        Instant now = clock.instant();
        long wait = Math.max(wait(userKey(username), freeAttemptsPerUsername, now),
                wait(addressKey(clientAddress), freeAttemptsPerAddress, now));
        return wait;
    }

    void failed(String username, String clientAddress) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(forgetAfter).isBefore(now));
        }
        count(userKey(username), now);
        count(addressKey(clientAddress), now);
    }

    /** A right password, a reset or a manager's unlock clears the username's count (not the address's). */
    void forget(String username) {
        failures.remove(userKey(username));
    }

    private void count(String key, Instant now) {
        failures.merge(key, new Failures(1, now), (old, one) -> old.last().plus(forgetAfter).isBefore(now)
                ? one : new Failures(old.count() + 1, now));
    }

    private long wait(String key, int free, Instant now) {
        Failures found = failures.get(key);
        if (found == null || found.count() < free || found.last().plus(forgetAfter).isBefore(now)) {
            return 0;
        }
        int doublings = Math.min(found.count() - free, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        long seconds = (long) Math.ceil(Duration.between(now, found.last().plus(delay)).toMillis() / 1000.0);
        return Math.max(seconds, 0);
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
