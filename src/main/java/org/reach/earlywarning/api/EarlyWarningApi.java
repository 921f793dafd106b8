package org.reach.earlywarning.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.earlywarning.Alert;
import org.reach.earlywarning.DrugReport;
import org.reach.earlywarning.DrugReportConflict;
import org.reach.earlywarning.DrugReportForm;
import org.reach.earlywarning.EarlyWarning;
import org.reach.earlywarning.PlanStep;
import org.reach.earlywarning.RecordedReport;
import org.reach.earlywarning.Substance;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/earlywarning")
@Tag(name = "Early warning", description = "Drug reports (idempotent by client-made uuid), weekly series and alerts")
@SecurityRequirement(name = "token")
class EarlyWarningApi {

    private final EarlyWarning earlyWarning;
    private final MessageSource messages;

    EarlyWarningApi(EarlyWarning earlyWarning, MessageSource messages) {
        this.earlyWarning = earlyWarning;
        this.messages = messages;
    }

    record ReportResponse(DrugReport report, boolean created) {
    }

    @PostMapping("/reports")
    @Operation(summary = "Record a drug report: 201 when new, 200 with the stored one when the same report came before "
            + "under its uuid, 409 naming the fields when the uuid is stored with other content")
    ResponseEntity<ReportResponse> record(@AuthenticationPrincipal ReachUser me, @RequestBody DrugReportForm form) {
        RecordedReport recorded = earlyWarning.record(me, form);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ReportResponse(recorded.report(), recorded.created()));
    }

    @ExceptionHandler(DrugReportConflict.class)
    ProblemDetail conflict(DrugReportConflict conflict, Locale locale) {
        String reason = messages.getMessage("earlywarning.error.uuidConflict", null, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, reason);
        problem.setType(java.net.URI.create("urn:reach:problem:conflict"));
        problem.setTitle(messages.getMessage("error.duplicate.title", null, "Conflict", locale));
        problem.setProperty("errors", conflict.fields().stream().map(field -> Map.of("field", field,
                "code", "earlywarning.error.uuidConflict", "reason", reason)).toList());
        return problem;
    }

    @GetMapping("/reports")
    @Operation(summary = "The organisation's drug reports in a period (default: the last 90 days), newest first")
    List<DrugReport> reports(@AuthenticationPrincipal ReachUser me,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return earlyWarning.reports(me, from, to);
    }

    @GetMapping("/reports/{id}")
    DrugReport report(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return earlyWarning.report(me, id);
    }

    @GetMapping("/substances")
    List<Substance> substances() {
        return earlyWarning.substances();
    }

    record SubstanceRequest(String name) {
    }

    @PostMapping("/substances")
    @Operation(summary = "Add a substance to the list (coordinators)")
    ResponseEntity<Substance> addSubstance(@AuthenticationPrincipal ReachUser me, @RequestBody SubstanceRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(earlyWarning.addSubstance(me, body.name()));
    }

    @GetMapping("/series")
    @Operation(summary = "A weekly series of the organisation (one city or all), the last `weeks` weeks (1 to 520)")
    EarlyWarning.WeeklySeries series(@AuthenticationPrincipal ReachUser me, @RequestParam String name,
                                     @RequestParam(required = false) String city,
                                     @RequestParam(defaultValue = "26") int weeks) {
        return earlyWarning.weekly(me, name, city, weeks);
    }

    @GetMapping("/alerts")
    List<Alert> alerts(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "false") boolean open) {
        return earlyWarning.alerts(me, open);
    }

    record AlertDetail(Alert alert, List<DrugReport> reports, List<PlanStep> plan) {
    }

    @GetMapping("/alerts/{id}")
    AlertDetail alert(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return new AlertDetail(earlyWarning.alert(me, id), earlyWarning.alertReports(me, id),
                earlyWarning.steps(me, id));
    }

    record NoteRequest(String note) {
    }

    @PostMapping("/alerts/{id}/acknowledge")
    Alert acknowledge(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                      @RequestBody(required = false) NoteRequest body) {
        return earlyWarning.acknowledge(me, id, body == null ? null : body.note());
    }

    @PostMapping("/alerts/{id}/close")
    Alert close(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                @RequestBody(required = false) NoteRequest body) {
        return earlyWarning.close(me, id, body == null ? null : body.note());
    }

    @PostMapping("/detect")
    @Operation(summary = "Run the detectors now for this week; answers the ids of the alerts raised")
    Map<String, List<Long>> detect(@AuthenticationPrincipal ReachUser me) {
        return Map.of("raised", earlyWarning.detectNow(me));
    }
}
