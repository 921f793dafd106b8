package org.reach.field;

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
import java.util.Map;
import java.util.Optional;

import org.reach.accounts.SignIn;
import org.reach.accounts.StaffDirectory;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.field.store.FieldDeviceStore;
import org.reach.platform.ApiTokenAuthenticator;
import org.reach.platform.DeviceCredential;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phones enrolled for the field app. A peer signed in on the phone enrols it and gets a device token (32 random bytes,
 * only the hash kept) that the app keeps encrypted under the peer's PIN; the password never stays on the phone. The
 * organisation manager sees every device of the organisation and revokes a lost or seized one; its next contact is
 * answered "device-revoked", which makes the app wipe its local data.
 */
@Service
@Transactional
public class FieldDevices implements ApiTokenAuthenticator {

    static final String PREFIX = "reachdev_";
    /** A device is enrolled again after this long, so a forgotten phone does not keep access for ever. */
    static final Duration LIFETIME = Duration.ofDays(90);
    static final String REVOKED = "device-revoked";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final FieldDeviceStore devices;
    private final SignIn signIn;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FieldDevices(FieldDeviceStore devices, SignIn signIn, StaffDirectory staff, AuditTrail audit, Clock clock) {
        this.devices = devices;
        this.signIn = signIn;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** Staff who record client work in the field enrol their own phones. */
    public boolean mayEnrol(ReachUser actor) {
        return actor.recordsClientWork();
    }

    /** The organisation manager sees and revokes the organisation's devices. */
    public boolean mayManage(ReachUser actor) {
        return actor.organisationId() != null && actor.has(Role.ORG_MANAGER);
    }

    public EnrolledDevice enrol(ReachUser actor, String label) {
        if (!mayEnrol(actor)) {
            throw new Forbidden("enrol a field device");
        }
        String name = label == null ? "" : label.strip();
        Problems problems = new Problems();
        problems.check(!name.isEmpty(), "label", "error.required");
        problems.check(name.length() <= 60, "label", "error.tooLong", 60);
        problems.throwIfAny();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        long id = devices.insert(actor.organisationId(), actor.id(), name, hash(secret),
                secret.substring(0, PREFIX.length() + 6), now, now.plus(LIFETIME));
        audit.recordWrite(actor, actor.organisationId(), AuditAction.TOKEN_CREATED, "field-device", id,
                "field device enrolled: " + name);
        return new EnrolledDevice(devices.byId(id).orElseThrow(), secret);
    }

    /** The organisation's devices, newest first, for its manager; a peer's own devices for the peer. */
    @Transactional(readOnly = true)
    public List<DeviceListing> devices(ReachUser actor) {
        List<FieldDevice> found;
        if (mayManage(actor)) {
            found = devices.ofOrganisation(actor.organisationId());
        } else if (mayEnrol(actor)) {
            found = devices.ofUser(actor.id());
        } else {
            throw new Forbidden("list field devices");
        }
        Map<Long, String> names = staff.displayNames(found.stream().map(FieldDevice::userId).distinct().toList());
        return found.stream().map(d -> new DeviceListing(d, names.getOrDefault(d.userId(), "?"))).toList();
    }

    /** Revokes a device: its token stops working and its next contact tells it to wipe. */
    public FieldDevice revoke(ReachUser actor, long deviceId) {
        FieldDevice device = devices.byId(deviceId)
                .filter(d -> mayManage(actor) && actor.isMemberOf(d.organisationId()))
                .orElseThrow(() -> new NotFound("field-device", deviceId));
        if (devices.revoke(deviceId, actor.id(), Instant.now(clock))) {
            audit.recordWrite(actor, device.organisationId(), AuditAction.TOKEN_REVOKED, "field-device", deviceId,
                    "field device revoked: " + device.label());
        }
        return devices.byId(deviceId).orElseThrow();
    }

    /**
     * A device token works while the device is neither revoked nor past its lifetime and its person is active and has
     * chosen their own password.
     */
    @Override
    public Optional<Authenticated> authenticate(String rawToken) {
        if (!looksLikeDeviceToken(rawToken)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return devices.byHash(hash(rawToken)).filter(d -> d.usable(now)).flatMap(device -> {
            if (device.lastSeenAt() == null || device.lastSeenAt().isBefore(now.minus(TOUCH_EVERY))) {
                devices.touch(device.id(), now);
            }
            return signIn.reload(device.userId())
                    .filter(user -> user.isEnabled() && !user.passwordChangeRequired())
                    .filter(user -> user.isMemberOf(device.organisationId()))
                    .map(user -> new Authenticated(user, new DeviceCredential(device.id())));
        });
    }

    /** A revoked device is told so (and the first time is noted), so that the app wipes its local data. */
    @Override
    public Optional<String> refusal(String rawToken) {
        if (!looksLikeDeviceToken(rawToken)) {
            return Optional.empty();
        }
        return devices.byHash(hash(rawToken)).filter(FieldDevice::revoked).map(device -> {
            devices.toldToWipe(device.id(), Instant.now(clock));
            return REVOKED;
        });
    }

    /** The device behind a request, if it is one of the actor's usable devices. */
    @Transactional(readOnly = true)
    public Optional<FieldDevice> device(ReachUser actor, Object credential) {
        if (!(credential instanceof DeviceCredential device)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return devices.byId(device.deviceId()).filter(d -> d.userId() == actor.id() && d.usable(now));
    }

    private static boolean looksLikeDeviceToken(String rawToken) {
        return rawToken != null && rawToken.startsWith(PREFIX) && rawToken.length() <= 100;
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
