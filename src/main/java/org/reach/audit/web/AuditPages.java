package org.reach.audit.web;

import java.time.LocalDate;
import java.util.List;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditFilter;
import org.reach.audit.AuditPage;
import org.reach.audit.AuditTrail;
import org.reach.platform.Paging;
import org.reach.platform.ReachUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page; filtering swaps only the results table (htmx), which matters on slow connections. */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail audit;
    private final AuditDetails details;

    AuditPages(AuditTrail audit, AuditDetails details) {
        this.audit = audit;
        this.details = details;
    }

    @GetMapping("/audit")
    String page(@AuthenticationPrincipal ReachUser me,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actor,
                @RequestParam(required = false) AuditAction action,
                @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String entityId,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        AuditFilter filter = new AuditFilter(from, to, actor, action, entityType, entityId, null);
        model.addAttribute("filter", filter);
        if (from != null && to != null && from.isAfter(to)) {
            // shown beside the dates; the search itself would refuse the period
            model.addAttribute("fromError", "error.periodOrder");
            model.addAttribute("result", new AuditPage(List.of(), 0, PAGE_SIZE, 0));
        } else {
            model.addAttribute("result", audit.search(me, filter, Paging.clamp(page), PAGE_SIZE));
        }
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("recordTypes", audit.recordTypes(me));
        model.addAttribute("details", details);
        return htmx != null ? "audit/audit :: results" : "audit/audit";
    }

    /** Who read or wrote one client, for the manager of the client's organisation; looking is recorded too. */
    @GetMapping("/audit/clients/{id}")
    String clientAccess(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("clientId", id);
        model.addAttribute("details", details);
        model.addAttribute("result", audit.clientAccess(me, id, page, PAGE_SIZE));
        return "audit/client-access";
    }
}
