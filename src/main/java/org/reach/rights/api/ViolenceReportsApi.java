package org.reach.rights.api;

import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.ReachUser;
import org.reach.rights.CaseClosing;
import org.reach.rights.ViolenceReceipt;
import org.reach.rights.ViolenceReport;
import org.reach.rights.ViolenceReportConflict;
import org.reach.rights.ViolenceReportForm;
import org.reach.rights.ViolenceReportPage;
import org.reach.rights.ViolenceReports;
import org.reach.rights.ViolenceResponseForm;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rights/reports")
@Tag(name = "Violence reports", description = "Violence and rights-violation reports: any staff member records one "
        + "(idempotent by client-generated uuid) and gets its number; only protection focal persons read, respond, close")
@SecurityRequirement(name = "token")
class ViolenceReportsApi {

    private final ViolenceReports reports;
    private final MessageSource messages;

    ViolenceReportsApi(ViolenceReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Record a report: 201 with its number when new, 200 with the same receipt when the uuid is "
            + "already stored with the same content, 409 when it is stored with different content")
    ResponseEntity<ViolenceReceipt> record(@AuthenticationPrincipal ReachUser me, @RequestBody ViolenceReportForm form) {
        ViolenceReceipt receipt = reports.record(me, form);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @GetMapping
    @Operation(summary = "The organisation's reports, newest first (protection focal persons only; every read audited)",
            description = "`page` from 0, `size` 1 to 100 (default 50), `open=true` for reports not closed yet.")
    ViolenceReportPage list(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "false") boolean open,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return reports.list(me, open, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report in full (protection focal persons only; audited)")
    ViolenceReport report(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return reports.report(me, id);
    }

    @PostMapping("/{id}/responses")
    @Operation(summary = "Record a response given: what, by whom (default: the caller), when (default: now)")
    ViolenceReport respond(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                           @RequestBody ViolenceResponseForm form) {
        return reports.respond(me, id, form);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a report with its outcome")
    ViolenceReport close(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody CaseClosing closing) {
        return reports.close(me, id, closing);
    }

    @ExceptionHandler(ViolenceReportConflict.class)
    ProblemDetail conflict(ViolenceReportConflict conflict, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("rights.error.uuidConflict", null, locale));
        problem.setType(URI.create("urn:reach:problem:conflict"));
        problem.setTitle(messages.getMessage("error.duplicate.title", null, "Conflict", locale));
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "uuid", "code", "rights.error.uuidConflict",
                "reason", messages.getMessage("rights.error.uuidConflict", null, locale))));
        return problem;
    }
}
