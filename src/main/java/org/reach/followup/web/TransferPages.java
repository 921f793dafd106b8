package org.reach.followup.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reach.clients.Gender;
import org.reach.followup.Arrival;
import org.reach.followup.ArrivalForm;
import org.reach.followup.FlowTable;
import org.reach.followup.FollowUp;
import org.reach.followup.Movements;
import org.reach.followup.PartnerServiceForm;
import org.reach.followup.SentTransfer;
import org.reach.followup.SharedField;
import org.reach.followup.TransferForm;
import org.reach.followup.TransferKind;
import org.reach.followup.Transfers;
import org.reach.platform.Forbidden;
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

/** Transfers out, arrivals in, the partner directory and the programme's flow table. */
@Controller
class TransferPages {

    private final Transfers transfers;
    private final FollowUp followUp;
    private final Movements movements;
    private final Clock clock;

    TransferPages(Transfers transfers, FollowUp followUp, Movements movements, Clock clock) {
        this.transfers = transfers;
        this.followUp = followUp;
        this.movements = movements;
        this.clock = clock;
    }

    @GetMapping("/followup/transfers")
    String transfers(@AuthenticationPrincipal ReachUser me, Model model) {
        List<SentTransfer> sent = transfers.sent(me, null);
        model.addAttribute("sent", sent);
        model.addAttribute("clientCodes", followUp.codes(me, sent.stream().map(SentTransfer::clientId).distinct().toList()));
        model.addAttribute("arrivals", transfers.arrivals(me));
        return "followup/transfers";
    }

    @GetMapping("/followup/transfers/new")
    String newTransfer(@AuthenticationPrincipal ReachUser me, @RequestParam long client, Model model) {
        TransferPageForm form = new TransferPageForm();
        form.setClientId(client);
        form.setConsentOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        return transferForm(me, client, model);
    }

    @PostMapping("/followup/transfers/new")
    String send(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") TransferPageForm form,
                BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                transfers.send(me, new TransferForm(form.getClientId(), form.getKind(), form.getPartnerServiceId(),
                        form.isConsent(), form.getConsentOn(), form.getShared(), form.getOatDoseMg()));
                return "redirect:/followup/clients/" + form.getClientId() + "?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return transferForm(me, form.getClientId(), model);
    }

    private String transferForm(ReachUser me, Long clientId, Model model) {
        if (!transfers.mayTransfer(me)) {
            throw new Forbidden("transfer client");
        }
        model.addAttribute("client", clientId == null ? null : followUp.client(me, clientId));
        model.addAttribute("kinds", TransferKind.values());
        model.addAttribute("destinations", transfers.destinations(me));
        model.addAttribute("fields", SharedField.values());
        return "followup/transfer-form";
    }

    @GetMapping("/followup/arrivals/{id}")
    String arrival(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        ArrivalPageForm form = new ArrivalPageForm();
        form.setArrivedOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        return arrivalPage(me, id, model);
    }

    @PostMapping("/followup/arrivals/{id}/confirm")
    String confirm(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                   @ModelAttribute("form") ArrivalPageForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                transfers.confirm(me, id, new ArrivalForm(form.getArrivedOn(), form.getExistingClientId(), form.getCode(),
                        form.getGender()));
                return "redirect:/followup/arrivals/" + id + "?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return arrivalPage(me, id, model);
    }

    @PostMapping("/followup/arrivals/{id}/no-show")
    String noShow(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        try {
            transfers.noShow(me, id, date);
            return "redirect:/followup/arrivals/" + id + "?saved";
        } catch (InvalidInput invalid) {
            ArrivalPageForm form = new ArrivalPageForm();
            form.setArrivedOn(LocalDate.now(clock));
            model.addAttribute("form", form);
            model.addAttribute("noShowProblems", invalid.problems());
            return arrivalPage(me, id, model);
        }
    }

    private String arrivalPage(ReachUser me, long id, Model model) {
        Arrival arrival = transfers.arrival(me, id);
        model.addAttribute("arrival", arrival);
        model.addAttribute("genders", Gender.values());
        model.addAttribute("receivedCode", arrival.clientId() == null ? null
                : followUp.codes(me, List.of(arrival.clientId())).get(arrival.clientId()));
        return "followup/arrival";
    }

    // ---- partner directory

    @GetMapping("/followup/directory")
    String directory(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("form", new DirectoryPageForm());
        return directoryPage(me, model);
    }

    @PostMapping("/followup/directory")
    String describe(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") DirectoryPageForm form,
                    BindingResult result, Model model) {
        if (!transfers.mayEditDirectory(me)) {
            throw new Forbidden("edit partner directory");
        }
        if (!result.hasErrors()) {
            try {
                transfers.describe(me, new PartnerServiceForm(form.getSiteId(), form.getServicesOffered(),
                        form.getOpeningHours(), form.getWomenWelcome(), form.getNonInjectorsWelcome()));
                return "redirect:/followup/directory?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return directoryPage(me, model);
    }

    private String directoryPage(ReachUser me, Model model) {
        model.addAttribute("services", transfers.directory(me));
        model.addAttribute("mayEdit", transfers.mayEditDirectory(me));
        model.addAttribute("ownSites", transfers.ownSites(me));
        return "followup/directory";
    }

    // ---- flows

    @GetMapping("/followup/flows")
    String flows(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Integer quarter, Model model) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        int q = quarter == null ? (today.getMonthValue() - 1) / 3 + 1 : quarter;
        FlowTable table = movements.flows(me, y, q);
        model.addAttribute("table", table);
        return "followup/flows";
    }

    // ---- forms

    public static class TransferPageForm {
        private Long clientId;
        private TransferKind kind;
        private Long partnerServiceId;
        private boolean consent;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate consentOn;
        private Set<SharedField> shared = EnumSet.noneOf(SharedField.class);
        private Integer oatDoseMg;

        public Long getClientId() { return clientId; }
        public void setClientId(Long clientId) { this.clientId = clientId; }
        public TransferKind getKind() { return kind; }
        public void setKind(TransferKind kind) { this.kind = kind; }
        public Long getPartnerServiceId() { return partnerServiceId; }
        public void setPartnerServiceId(Long partnerServiceId) { this.partnerServiceId = partnerServiceId; }
        public boolean isConsent() { return consent; }
        public void setConsent(boolean consent) { this.consent = consent; }
        public LocalDate getConsentOn() { return consentOn; }
        public void setConsentOn(LocalDate consentOn) { this.consentOn = consentOn; }
        public Set<SharedField> getShared() { return shared; }
        public void setShared(Set<SharedField> shared) { this.shared = shared == null ? EnumSet.noneOf(SharedField.class) : shared; }
        public Integer getOatDoseMg() { return oatDoseMg; }
        public void setOatDoseMg(Integer oatDoseMg) { this.oatDoseMg = oatDoseMg; }
    }

    public static class ArrivalPageForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate arrivedOn;
        private Long existingClientId;
        private String code;
        private Gender gender;

        public LocalDate getArrivedOn() { return arrivedOn; }
        public void setArrivedOn(LocalDate arrivedOn) { this.arrivedOn = arrivedOn; }
        public Long getExistingClientId() { return existingClientId; }
        public void setExistingClientId(Long existingClientId) { this.existingClientId = existingClientId; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public Gender getGender() { return gender; }
        public void setGender(Gender gender) { this.gender = gender; }
    }

    public static class DirectoryPageForm {
        private Long siteId;
        private String servicesOffered;
        private String openingHours;
        private Boolean womenWelcome;
        private Boolean nonInjectorsWelcome;

        public Long getSiteId() { return siteId; }
        public void setSiteId(Long siteId) { this.siteId = siteId; }
        public String getServicesOffered() { return servicesOffered; }
        public void setServicesOffered(String servicesOffered) { this.servicesOffered = servicesOffered; }
        public String getOpeningHours() { return openingHours; }
        public void setOpeningHours(String openingHours) { this.openingHours = openingHours; }
        public Boolean getWomenWelcome() { return womenWelcome; }
        public void setWomenWelcome(Boolean womenWelcome) { this.womenWelcome = womenWelcome; }
        public Boolean getNonInjectorsWelcome() { return nonInjectorsWelcome; }
        public void setNonInjectorsWelcome(Boolean nonInjectorsWelcome) { this.nonInjectorsWelcome = nonInjectorsWelcome; }
    }
}
