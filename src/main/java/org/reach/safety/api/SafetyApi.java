package org.reach.safety.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.ReachUser;
import org.reach.safety.Death;
import org.reach.safety.DeathForm;
import org.reach.safety.Deaths;
import org.reach.safety.FollowUpForm;
import org.reach.safety.KitBalance;
import org.reach.safety.NaloxoneKits;
import org.reach.safety.OverdoseConflict;
import org.reach.safety.OverdoseForm;
import org.reach.safety.OverdosePage;
import org.reach.safety.OverdoseReport;
import org.reach.safety.Overdoses;
import org.reach.safety.PeerKits;
import org.reach.safety.RecordedOverdose;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/safety")
@Tag(name = "Safety", description = "Overdose reports (idempotent by client-generated uuid), deaths, naloxone kits")
@SecurityRequirement(name = "token")
class SafetyApi {

    private final Overdoses overdoses;
    private final Deaths deaths;
    private final NaloxoneKits kits;
    private final MessageSource messages;

    SafetyApi(Overdoses overdoses, Deaths deaths, NaloxoneKits kits, MessageSource messages) {
        this.overdoses = overdoses;
        this.deaths = deaths;
        this.kits = kits;
        this.messages = messages;
    }

    /** The stored report and whether this call created it. */
    record OverdoseResponse(OverdoseReport report, boolean created) {
    }

    @PostMapping("/overdoses")
    @Operation(summary = "Report one overdose: 201 when new, 200 with the stored one when the uuid is already known with "
            + "the same content, 409 when it is known with different content")
    ResponseEntity<OverdoseResponse> report(@AuthenticationPrincipal ReachUser me, @RequestBody OverdoseForm form) {
        RecordedOverdose recorded = overdoses.record(me, form);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new OverdoseResponse(recorded.report(), recorded.created()));
    }

    @GetMapping("/overdoses")
    @Operation(summary = "Overdose reports the caller may see, newest first",
            description = "`page` from 0 (at most 100000), `size` 1 to 100 (default 50).")
    OverdosePage list(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        return overdoses.list(me, page, size);
    }

    @GetMapping("/overdoses/{id}")
    OverdoseReport overdose(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return overdoses.report(me, id);
    }

    @PostMapping("/overdoses/{id}/follow-up")
    @Operation(summary = "Record the contact after the overdose (date and result)")
    OverdoseReport followUp(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody FollowUpForm form) {
        return overdoses.recordFollowUp(me, id, form);
    }

    @GetMapping("/overdoses/awaiting-follow-up")
    List<OverdoseReport> awaiting(@AuthenticationPrincipal ReachUser me) {
        return overdoses.awaitingFollowUp(me);
    }

    @PostMapping("/deaths")
    @Operation(summary = "Record a client's death with its coded cause; the client becomes deceased on that day")
    ResponseEntity<Death> recordDeath(@AuthenticationPrincipal ReachUser me, @RequestBody DeathForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deaths.record(me, form));
    }

    @GetMapping("/deaths/{id}")
    Death death(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return deaths.death(me, id);
    }

    @PutMapping("/deaths/{id}")
    @Operation(summary = "Correct a recorded death; the client's date of death follows")
    Death correctDeath(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody DeathForm form) {
        return deaths.correct(me, id, form);
    }

    @GetMapping("/kits/clients/{id}")
    KitBalance clientKits(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return kits.ofClient(me, id);
    }

    @GetMapping("/kits/peers")
    @Operation(summary = "Naloxone kits per peer: every peer for managers, one's own for a peer")
    List<PeerKits> peerKits(@AuthenticationPrincipal ReachUser me) {
        return kits.peers(me);
    }

    @ExceptionHandler(OverdoseConflict.class)
    ProblemDetail conflict(OverdoseConflict conflict, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("safety.error.uuidConflict", null, locale));
        problem.setType(java.net.URI.create("urn:reach:problem:conflict"));
        problem.setTitle(messages.getMessage("error.duplicate.title", null, "Conflict", locale));
        problem.setProperty("errors", List.of(java.util.Map.of("field", "uuid", "code", "safety.error.uuidConflict",
                "reason", messages.getMessage("safety.error.uuidConflict", null, locale))));
        return problem;
    }
}
