package org.reach.services.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.ReachUser;
import org.reach.services.RecordedReferral;
import org.reach.services.Referral;
import org.reach.services.ReferralConflict;
import org.reach.services.ReferralForm;
import org.reach.services.ReferralStep;
import org.reach.services.Referrals;
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
@RequestMapping("/api/referrals")
@Tag(name = "Referrals", description = "Referrals to providers: made, accepted, completed or failed")
@SecurityRequirement(name = "token")
class ReferralsApi {

    private final Referrals referrals;
    private final MessageSource messages;

    ReferralsApi(Referrals referrals, MessageSource messages) {
        this.referrals = referrals;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Referrals of the caller's organisation; openLongerThan=N gives the follow-up list")
    List<Referral> list(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client,
                        @RequestParam(required = false) Integer openLongerThan) {
        return referrals.list(me, client, openLongerThan);
    }

    @PostMapping
    @Operation(summary = "Make a referral: 201 when new; with a device-made uuid, 200 with the stored one when the same "
            + "referral came before and 409 when the uuid is stored with other content")
    ResponseEntity<Referral> refer(@AuthenticationPrincipal ReachUser me, @RequestBody ReferralForm form) {
        RecordedReferral recorded = referrals.record(me, form);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.referral());
    }

    @ExceptionHandler(ReferralConflict.class)
    ProblemDetail conflict(ReferralConflict conflict, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("referral.error.uuidConflict", null, locale));
        problem.setType(java.net.URI.create("urn:reach:problem:conflict"));
        problem.setTitle(messages.getMessage("error.duplicate.title", null, "Conflict", locale));
        problem.setProperty("errors", conflict.problems().stream().map(p -> Map.of("field", p.field(),
                "code", p.messageKey(), "reason", messages.getMessage(p.messageKey(), p.arguments().toArray(),
                        p.messageKey(), locale))).toList());
        return problem;
    }

    @GetMapping("/{id}")
    Referral referral(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return referrals.referral(me, id);
    }

    @PostMapping("/{id}/accept")
    Referral accept(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ReferralStep step) {
        return referrals.accept(me, id, step);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete an accepted referral; counts as a contact with the client")
    Referral complete(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ReferralStep step) {
        return referrals.complete(me, id, step);
    }

    @PostMapping("/{id}/fail")
    Referral fail(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ReferralStep step) {
        return referrals.fail(me, id, step);
    }
}
