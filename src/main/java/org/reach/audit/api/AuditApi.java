package org.reach.audit.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditPage;
import org.reach.audit.AuditTrail;
import org.reach.platform.ReachUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the audit log has no endpoint to change or delete an entry. */
@RestController
@Tag(name = "Audit", description = "The append-only audit log (administrators and organisation managers)")
@SecurityRequirement(name = "token")
class AuditApi {

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Search the audit log; organisation managers see their own organisation only")
    AuditPage search(@AuthenticationPrincipal ReachUser me,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String actor,
                     @RequestParam(required = false) AuditAction action,
                     @RequestParam(required = false) String entityType,
                     @RequestParam(required = false) String entityId,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        return audit.search(me, new AuditFilter(from, to, actor, action, entityType, entityId, null), page, size);
    }

    @GetMapping("/api/audit/clients/{id}")
    @Operation(summary = "Who read or wrote one client, newest first, through any page, API, list, batch, import or "
            + "export that included it; only the manager of the client's organisation, and the look is recorded too")
    AuditPage clientAccess(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        return audit.clientAccess(me, id, page, size);
    }
}
