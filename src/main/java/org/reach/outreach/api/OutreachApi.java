package org.reach.outreach.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.outreach.OutreachSession;
import org.reach.outreach.OutreachSessionForm;
import org.reach.outreach.OutreachSessions;
import org.reach.outreach.OutreachSetting;
import org.reach.outreach.RecordedSession;
import org.reach.outreach.SessionBatch;
import org.reach.outreach.SessionBatchResult;
import org.reach.outreach.SessionConflict;
import org.reach.outreach.SessionPage;
import org.reach.outreach.Stock;
import org.reach.outreach.StockLevel;
import org.reach.outreach.StockMovement;
import org.reach.outreach.StockMovementForm;
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
@RequestMapping("/api/outreach")
@Tag(name = "Outreach", description = "Outreach sessions (idempotent by client-made uuid) and commodity stock per site")
@SecurityRequirement(name = "token")
class OutreachApi {

    private final OutreachSessions sessions;
    private final Stock stock;
    private final MessageSource messages;

    OutreachApi(OutreachSessions sessions, Stock stock, MessageSource messages) {
        this.sessions = sessions;
        this.stock = stock;
        this.messages = messages;
    }

    @PostMapping("/sessions")
    @Operation(summary = "Record one outreach session with its known clients' encounters: 201 when new, 200 with the "
            + "stored one when the uuid is known with the same content, 409 when known with other content")
    ResponseEntity<OutreachSession> record(@AuthenticationPrincipal ReachUser me, @RequestBody OutreachSessionForm form) {
        RecordedSession recorded = sessions.record(me, form);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.session());
    }

    @PostMapping("/sessions/batch")
    @Operation(summary = "Record up to 100 sessions a device queued: all or none; a repeated uuid stores nothing new")
    SessionBatchResult batch(@AuthenticationPrincipal ReachUser me, @RequestBody SessionBatch batch) {
        return sessions.recordBatch(me, batch);
    }

    @GetMapping("/sessions")
    @Operation(summary = "Sessions the caller may see, newest first; `setting` keeps one kind of session (hotspot "
            + "outreach, drop-in, safe space, prison outreach); `page` from 0, `size` 1 to 100 (default 50)")
    SessionPage list(@AuthenticationPrincipal ReachUser me,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) Long site, @RequestParam(required = false) OutreachSetting setting,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return sessions.list(me, from, to, site, setting, page, size);
    }

    @GetMapping("/sessions/{id}")
    OutreachSession session(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return sessions.session(me, id);
    }

    @GetMapping("/stock")
    @Operation(summary = "Stock on hand per site and item, days left at the last 30 days' rate, and reorder flags")
    List<StockLevel> levels(@AuthenticationPrincipal ReachUser me) {
        return stock.levels(me);
    }

    @GetMapping("/stock/movements")
    List<StockMovement> movements(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "100") int limit) {
        return stock.latestMovements(me, limit);
    }

    @PostMapping("/stock/movements")
    @Operation(summary = "Record a receipt, an issue to a peer or a loss; more than the site holds is refused")
    ResponseEntity<StockMovement> move(@AuthenticationPrincipal ReachUser me, @RequestBody StockMovementForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(stock.record(me, form));
    }

    @ExceptionHandler(SessionConflict.class)
    ProblemDetail conflict(SessionConflict conflict, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("outreach.error.uuidConflict", null, locale));
        problem.setType(URI.create("urn:reach:problem:conflict"));
        problem.setTitle(messages.getMessage("error.duplicate.title", null, "Conflict", locale));
        problem.setProperty("errors", conflict.problems().stream().map(p -> Map.of("field", p.field(), "code",
                p.messageKey(), "reason", messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(),
                        locale))).toList());
        return problem;
    }
}
