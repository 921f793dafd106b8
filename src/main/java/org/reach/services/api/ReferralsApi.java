package org.reach.services.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.ReachUser;
import org.reach.services.Referral;
import org.reach.services.ReferralForm;
import org.reach.services.ReferralStep;
import org.reach.services.Referrals;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/referrals")
@Tag(name = "Referrals", description = "Referrals to providers: made, accepted, completed or failed")
@SecurityRequirement(name = "token")
class ReferralsApi {

    private final Referrals referrals;

    ReferralsApi(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    @Operation(summary = "Referrals of the caller's organisation; openLongerThan=N gives the follow-up list")
    List<Referral> list(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client,
                        @RequestParam(required = false) Integer openLongerThan) {
        return referrals.list(me, client, openLongerThan);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Referral refer(@AuthenticationPrincipal ReachUser me, @RequestBody ReferralForm form) {
        return referrals.refer(me, form);
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
