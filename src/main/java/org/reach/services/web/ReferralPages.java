package org.reach.services.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.services.Encounters;
import org.reach.services.ProviderType;
import org.reach.services.Referral;
import org.reach.services.ReferralForm;
import org.reach.services.ReferralStep;
import org.reach.services.Referrals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ReferralPages {

    private final Referrals referrals;
    private final Encounters encounters;
    private final Clock clock;

    ReferralPages(Referrals referrals, Encounters encounters, Clock clock) {
        this.referrals = referrals;
        this.encounters = encounters;
        this.clock = clock;
    }

    @GetMapping("/referrals")
    String followUp(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Integer days, Model model) {
        int openDays = days == null ? Referrals.DEFAULT_FOLLOW_UP_DAYS : Math.max(0, days);
        List<Referral> found = referrals.list(me, null, openDays);
        model.addAttribute("referrals", found);
        model.addAttribute("clientCodes", encounters.clientCodes(me, found.stream().map(Referral::clientId).toList()));
        model.addAttribute("days", openDays);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayRecord", referrals.mayRecord(me));
        return "services/referrals";
    }

    @GetMapping("/referrals/new")
    String newForm(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client, Model model) {
        requireRecorder(me);
        ReferralPageForm form = new ReferralPageForm();
        form.setClientId(client);
        form.setMadeOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        return form(me, model);
    }

    @PostMapping("/referrals/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") ReferralPageForm form, BindingResult result,
                  Model model) {
        requireRecorder(me);
        if (result.hasErrors()) {
            return form(me, model);
        }
        try {
            Referral referral = referrals.refer(me, new ReferralForm(form.getClientId(), form.getClientUic(),
                    form.getProviderType(), form.getProviderName(), form.getInternalSiteId(), form.getMadeOn()));
            return "redirect:/referrals/" + referral.id() + "?saved";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            if (result.hasFieldErrors("clientId") && form.getClientId() == null) {
                // the page asks for a code when no client was given
                result.rejectValue("clientUic", "error.required");
            }
            return form(me, model);
        }
    }

    @GetMapping("/referrals/{id}")
    String show(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        return detail(me, referrals.referral(me, id), model, null);
    }

    @PostMapping("/referrals/{id}/{step}")
    String step(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @PathVariable String step,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) String note, Model model) {
        ReferralStep input = new ReferralStep(date, note);
        try {
            switch (step) {
                case "accept" -> referrals.accept(me, id, input);
                case "complete" -> referrals.complete(me, id, input);
                case "fail" -> referrals.fail(me, id, input);
                default -> throw new org.reach.platform.NotFound("referral step", step);
            }
            return "redirect:/referrals/" + id + "?saved";
        } catch (InvalidInput invalid) {
            return detail(me, referrals.referral(me, id), model, invalid);
        }
    }

    private String detail(ReachUser me, Referral referral, Model model, InvalidInput invalid) {
        model.addAttribute("referral", referral);
        model.addAttribute("clientCodes", encounters.clientCodes(me, List.of(referral.clientId())));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("daysOpen", ChronoUnit.DAYS.between(referral.madeOn(), LocalDate.now(clock)));
        model.addAttribute("mayRecord", referrals.mayRecord(me));
        model.addAttribute("stepProblems", invalid == null ? List.of() : invalid.problems());
        model.addAttribute("siteNames", siteNames(me));
        return "services/referral";
    }

    private String form(ReachUser me, Model model) {
        ReferralPageForm form = (ReferralPageForm) model.getAttribute("form");
        model.addAttribute("clientCodes", form == null || form.getClientId() == null ? Map.of()
                : encounters.clientCodes(me, List.of(form.getClientId())));
        model.addAttribute("providerTypes", ProviderType.values());
        model.addAttribute("sites", encounters.recordingSites(me));
        return "services/referral-form";
    }

    private Map<Long, String> siteNames(ReachUser me) {
        return encounters.recordingSites(me).stream().collect(Collectors.toMap(Site::id, Site::name));
    }

    private void requireRecorder(ReachUser me) {
        if (!referrals.mayRecord(me)) {
            throw new Forbidden("make referral");
        }
    }
}
