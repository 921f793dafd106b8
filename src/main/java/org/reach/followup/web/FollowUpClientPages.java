package org.reach.followup.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.reach.clients.Client;
import org.reach.followup.Detention;
import org.reach.followup.DetentionForm;
import org.reach.followup.Detentions;
import org.reach.followup.FacilityType;
import org.reach.followup.FollowUp;
import org.reach.followup.OatInside;
import org.reach.followup.ReleaseForm;
import org.reach.followup.Tracing;
import org.reach.followup.TracingForm;
import org.reach.followup.TracingMethod;
import org.reach.followup.TracingOutcome;
import org.reach.followup.Transfers;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
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

/** A client's follow-up: tracing attempts, detention episodes and transfers, and the forms to record them. */
@Controller
class FollowUpClientPages {

    private final FollowUp followUp;
    private final Tracing tracing;
    private final Detentions detentions;
    private final Transfers transfers;
    private final Clock clock;

    FollowUpClientPages(FollowUp followUp, Tracing tracing, Detentions detentions, Transfers transfers, Clock clock) {
        this.followUp = followUp;
        this.tracing = tracing;
        this.detentions = detentions;
        this.transfers = transfers;
        this.clock = clock;
    }

    @GetMapping("/followup/clients/{id}")
    String client(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Client client = followUp.client(me, id);
        model.addAttribute("client", client);
        model.addAttribute("attempts", tracing.attempts(me, id, null));
        model.addAttribute("detentions", detentions.list(me, id, false));
        model.addAttribute("mayTransfer", transfers.mayTransfer(me));
        model.addAttribute("transfers", transfers.mayTransfer(me) ? transfers.sent(me, id) : List.of());
        return "followup/client";
    }

    // ---- tracing

    @GetMapping("/followup/tracing/new")
    String newAttempt(@AuthenticationPrincipal ReachUser me, @RequestParam long client, Model model) {
        TracingPageForm form = new TracingPageForm();
        form.setClientId(client);
        form.setDate(LocalDate.now(clock));
        model.addAttribute("form", form);
        return tracingForm(me, client, model);
    }

    @PostMapping("/followup/tracing/new")
    String recordAttempt(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") TracingPageForm form,
                         BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                tracing.record(me, new TracingForm(form.getClientId(), form.getMethod(), form.getDate(), form.getOutcome(),
                        form.getMovedToCity(), form.getNote()));
                return "redirect:/followup/clients/" + form.getClientId() + "?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return tracingForm(me, form.getClientId(), model);
    }

    private String tracingForm(ReachUser me, Long clientId, Model model) {
        model.addAttribute("client", clientId == null ? null : followUp.client(me, clientId));
        model.addAttribute("methods", TracingMethod.values());
        model.addAttribute("outcomes", TracingOutcome.values());
        return "followup/tracing-form";
    }

    // ---- detentions

    @GetMapping("/followup/detentions")
    String detentions(@AuthenticationPrincipal ReachUser me, Model model) {
        List<Detention> found = detentions.list(me, null, false);
        model.addAttribute("detentions", found);
        model.addAttribute("clientCodes", followUp.codes(me, found.stream().map(Detention::clientId).distinct().toList()));
        return "followup/detentions";
    }

    @GetMapping("/followup/detentions/new")
    String newDetention(@AuthenticationPrincipal ReachUser me, @RequestParam long client, Model model) {
        DetentionPageForm form = new DetentionPageForm();
        form.setClientId(client);
        form.setStartedOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        return detentionForm(me, client, model);
    }

    @PostMapping("/followup/detentions/new")
    String openDetention(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") DetentionPageForm form,
                         BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                Detention d = detentions.open(me, new DetentionForm(form.getClientId(), form.getFacilityType(),
                        form.getFacilityName(), form.getStartedOn(), form.getExpectedRelease(), form.getOatInside()));
                return "redirect:/followup/detentions/" + d.id() + "?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return detentionForm(me, form.getClientId(), model);
    }

    private String detentionForm(ReachUser me, Long clientId, Model model) {
        model.addAttribute("client", clientId == null ? null : followUp.client(me, clientId));
        model.addAttribute("facilityTypes", FacilityType.values());
        model.addAttribute("oatOptions", OatInside.values());
        return "followup/detention-form";
    }

    @GetMapping("/followup/detentions/{id}")
    String detention(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        ReleasePageForm form = new ReleasePageForm();
        form.setReleasedOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        return detentionPage(me, id, model);
    }

    @PostMapping("/followup/detentions/{id}/release")
    String release(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                   @ModelAttribute("form") ReleasePageForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                detentions.release(me, id, new ReleaseForm(form.getReleasedOn(), form.getOatInside(),
                        form.getNaloxoneOnRelease()));
                return "redirect:/followup/detentions/" + id + "?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return detentionPage(me, id, model);
    }

    private String detentionPage(ReachUser me, long id, Model model) {
        Detention detention = detentions.detention(me, id);
        model.addAttribute("detention", detention);
        model.addAttribute("clientCodes", followUp.codes(me, List.of(detention.clientId())));
        model.addAttribute("oatOptions", OatInside.values());
        return "followup/detention";
    }

    // ---- forms

    public static class TracingPageForm {
        private Long clientId;
        private TracingMethod method;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;
        private TracingOutcome outcome;
        private String movedToCity;
        private String note;

        public Long getClientId() { return clientId; }
        public void setClientId(Long clientId) { this.clientId = clientId; }
        public TracingMethod getMethod() { return method; }
        public void setMethod(TracingMethod method) { this.method = method; }
        public LocalDate getDate() { return date; }
        public void setDate(LocalDate date) { this.date = date; }
        public TracingOutcome getOutcome() { return outcome; }
        public void setOutcome(TracingOutcome outcome) { this.outcome = outcome; }
        public String getMovedToCity() { return movedToCity; }
        public void setMovedToCity(String movedToCity) { this.movedToCity = movedToCity; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class DetentionPageForm {
        private Long clientId;
        private FacilityType facilityType;
        private String facilityName;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startedOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate expectedRelease;
        private OatInside oatInside = OatInside.UNKNOWN;

        public Long getClientId() { return clientId; }
        public void setClientId(Long clientId) { this.clientId = clientId; }
        public FacilityType getFacilityType() { return facilityType; }
        public void setFacilityType(FacilityType facilityType) { this.facilityType = facilityType; }
        public String getFacilityName() { return facilityName; }
        public void setFacilityName(String facilityName) { this.facilityName = facilityName; }
        public LocalDate getStartedOn() { return startedOn; }
        public void setStartedOn(LocalDate startedOn) { this.startedOn = startedOn; }
        public LocalDate getExpectedRelease() { return expectedRelease; }
        public void setExpectedRelease(LocalDate expectedRelease) { this.expectedRelease = expectedRelease; }
        public OatInside getOatInside() { return oatInside; }
        public void setOatInside(OatInside oatInside) { this.oatInside = oatInside; }
    }

    public static class ReleasePageForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate releasedOn;
        private OatInside oatInside;
        private Boolean naloxoneOnRelease;

        public LocalDate getReleasedOn() { return releasedOn; }
        public void setReleasedOn(LocalDate releasedOn) { this.releasedOn = releasedOn; }
        public OatInside getOatInside() { return oatInside; }
        public void setOatInside(OatInside oatInside) { this.oatInside = oatInside; }
        public Boolean getNaloxoneOnRelease() { return naloxoneOnRelease; }
        public void setNaloxoneOnRelease(Boolean naloxoneOnRelease) { this.naloxoneOnRelease = naloxoneOnRelease; }
    }
}
