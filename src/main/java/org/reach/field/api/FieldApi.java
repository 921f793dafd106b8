package org.reach.field.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.field.ConflictReport;
import org.reach.field.DeltaDownload;
import org.reach.field.DeltaPage;
import org.reach.field.DeviceListing;
import org.reach.field.FieldConflict;
import org.reach.field.FieldConflicts;
import org.reach.field.FieldDevice;
import org.reach.field.FieldDevices;
import org.reach.field.Resolution;
import org.reach.field.StoredVersions;
import org.reach.platform.Forbidden;
import org.reach.platform.ReachUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/field")
@Tag(name = "Field app", description = "Enrolled phones: delta download, conflicts kept for a supervisor, revocation")
@SecurityRequirement(name = "token")
class FieldApi {

    private final FieldDevices devices;
    private final DeltaDownload delta;
    private final FieldConflicts conflicts;
    private final StoredVersions stored;

    FieldApi(FieldDevices devices, DeltaDownload delta, FieldConflicts conflicts, StoredVersions stored) {
        this.stored = stored;
        this.devices = devices;
        this.delta = delta;
        this.conflicts = conflicts;
    }

    /** The calling device, as it sees itself. */
    record DeviceStatus(long id, String label, String expiresAt) {
    }

    @GetMapping("/device")
    @Operation(summary = "The calling device (device tokens only); a revoked device is answered 401 device-revoked")
    DeviceStatus device(@AuthenticationPrincipal ReachUser me, Authentication authentication) {
        FieldDevice device = devices.device(me, authentication.getDetails())
                .orElseThrow(() -> new Forbidden("ask for a device without a device token"));
        return new DeviceStatus(device.id(), device.label(), device.expiresAt().toString());
    }

    @GetMapping("/delta")
    @Operation(summary = "What the peer's phone needs offline, only what changed since its last cursor",
            description = "Device tokens only. Send back `cursor` for the next page while `more` is true; keep the last "
                    + "one and start the next download with it. `size` 1 to 500 (default 100).")
    DeltaPage delta(@AuthenticationPrincipal ReachUser me, Authentication authentication,
                    @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        return delta.page(me, authentication.getDetails(), cursor, size);
    }

    @PostMapping("/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep a phone's version of a record the server holds with other content under its uuid")
    FieldConflict report(@AuthenticationPrincipal ReachUser me, Authentication authentication,
                         @RequestBody ConflictReport report) {
        Long deviceId = devices.device(me, authentication.getDetails()).map(FieldDevice::id).orElse(null);
        return conflicts.report(me, deviceId, report);
    }

    @GetMapping("/conflicts")
    @Operation(summary = "Conflicts the caller resolves (organisation managers: all; site managers: their sites)")
    List<FieldConflict> conflicts(@AuthenticationPrincipal ReachUser me,
                                  @RequestParam(defaultValue = "true") boolean open) {
        return conflicts.list(me, open);
    }

    /** A conflict with the stored record beside the phone's version, field by field. */
    record ConflictWithStored(FieldConflict conflict, StoredVersions.Comparison comparison) {
    }

    @GetMapping("/conflicts/{id}")
    @Operation(summary = "One conflict with the stored record beside the phone's version, field by field",
            description = "`comparison.storedFound` is false when no stored record under the uuid is visible to the "
                    + "caller; each line names the field, both values and whether they differ.")
    ConflictWithStored conflict(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        FieldConflict conflict = conflicts.conflict(me, id);
        return new ConflictWithStored(conflict, stored.compare(me, conflict));
    }

    record ResolveRequest(Resolution resolution, String note) {
    }

    @PostMapping("/conflicts/{id}/resolve")
    FieldConflict resolve(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ResolveRequest body) {
        return conflicts.resolve(me, id, body.resolution(), body.note());
    }

    @GetMapping("/devices")
    @Operation(summary = "The organisation's devices (organisation managers) or the caller's own")
    List<DeviceListing> devices(@AuthenticationPrincipal ReachUser me) {
        return devices.devices(me);
    }

    @PostMapping("/devices/{id}/revoke")
    @Operation(summary = "Revoke a device (organisation managers): its next contact makes it wipe its local data")
    Map<String, Object> revoke(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        FieldDevice device = devices.revoke(me, id);
        return Map.of("id", device.id(), "revokedAt", device.revokedAt().toString());
    }
}
