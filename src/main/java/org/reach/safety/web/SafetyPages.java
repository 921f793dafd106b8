package org.reach.safety.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.reach.clients.Client;
import org.reach.clients.Clients;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.GpsAccuracy;
import org.reach.platform.InvalidInput;
import org.reach.platform.Paging;
import org.reach.platform.ReachUser;
import org.reach.safety.AgeBand;
import org.reach.safety.Answer;
import org.reach.safety.CauseOfDeath;
import org.reach.safety.Death;
import org.reach.safety.DeathSource;
import org.reach.safety.Deaths;
import org.reach.safety.FollowUpResult;
import org.reach.safety.NaloxoneGiver;
import org.reach.safety.NaloxoneKits;
import org.reach.safety.Outcome;
import org.reach.safety.OverdoseCluster;
import org.reach.safety.OverdosePage;
import org.reach.safety.OverdoseReport;
import org.reach.safety.Overdoses;
import org.reach.safety.RecordedOverdose;
import org.reach.safety.Response;
import org.reach.safety.Sign;
import org.reach.safety.Substance;
import org.reach.clients.Gender;
import org.reach.organisations.Site;
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
class SafetyPages {

    private static final String SAFETY = "safety/safety";
    private static final String OVERDOSE_FORM = "safety/overdose-form";
    private static final String OVERDOSE = "safety/overdose";
    private static final String OVERDOSES = "safety/overdoses";
    private static final String FOLLOW_UPS = "safety/follow-ups";
    private static final String DEATH_FORM = "safety/death-form";
    private static final String DEATH = "safety/death";
    private static final String CLIENT = "safety/client";
    private static final int RECENT = 20;
    private static final int PAGE_SIZE = 50;

    private final Overdoses overdoses;
    private final Deaths deaths;
    private final NaloxoneKits kits;
    private final Clients clients;
    private final GpsAccuracy gps;

    SafetyPages(Overdoses overdoses, Deaths deaths, NaloxoneKits kits, Clients clients, GpsAccuracy gps) {
        this.gps = gps;
        this.overdoses = overdoses;
        this.deaths = deaths;
        this.kits = kits;
        this.clients = clients;
    }

    // ---- the safety page

    @GetMapping("/safety")
    String safety(@AuthenticationPrincipal ReachUser me, Model model) {
        OverdosePage recent = overdoses.list(me, 0, RECENT);
        List<OverdoseCluster> clusters = overdoses.clusters(me);
        List<Death> recentDeaths = deaths.recent(me);
        List<Long> ids = new ArrayList<>(clientIdsOf(recent.reports()));
        recentDeaths.forEach(d -> ids.add(d.clientId()));
        model.addAttribute("recent", recent);
        model.addAttribute("clusters", clusters);
        model.addAttribute("deaths", recentDeaths);
        model.addAttribute("codes", overdoses.clientCodes(me, ids));
        model.addAttribute("waiting", overdoses.awaitingFollowUpCount(me));
        model.addAttribute("peers", kits.peers(me));
        model.addAttribute("manager", overdoses.mayManage(me));
        model.addAttribute("mayRecord", overdoses.mayRecord(me));
        model.addAttribute("siteNames", overdoses.siteNames(me));
        return SAFETY;
    }

    @GetMapping("/safety/overdoses")
    String list(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "0") int page, Model model) {
        OverdosePage result = overdoses.list(me, Paging.clamp(page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("codes", overdoses.clientCodes(me, clientIdsOf(result.reports())));
        model.addAttribute("siteNames", overdoses.siteNames(me));
        return OVERDOSES;
    }

    @GetMapping("/safety/follow-ups")
    String followUps(@AuthenticationPrincipal ReachUser me, Model model) {
        List<OverdoseReport> waiting = overdoses.awaitingFollowUp(me);
        model.addAttribute("reports", waiting);
        model.addAttribute("codes", overdoses.clientCodes(me, clientIdsOf(waiting)));
        model.addAttribute("siteNames", overdoses.siteNames(me));
        return FOLLOW_UPS;
    }

    // ---- reporting an overdose

    @GetMapping("/safety/overdoses/new")
    String newReport(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long saved, Model model) {
        requireRecorder(me);
        OverdosePageForm form = new OverdosePageForm();
        form.setUuid(UUID.randomUUID().toString());
        form.setOccurredAt(overdoses.now());
        List<Site> sites = overdoses.recordingSites(me);
        sites.stream().filter(s -> me.isAssignedTo(s.id())).findFirst().or(() -> sites.stream().findFirst())
                .ifPresent(s -> form.setSiteId(s.id()));
        form.setNaloxoneDoses(1);
        form.setNaloxoneGivers(new ArrayList<>(List.of(NaloxoneGiver.PEER.name())));
        form.setNaloxoneFromKit(true);
        form.setOutcome(Outcome.SURVIVED.name());
        model.addAttribute("form", form);
        model.addAttribute("saved", saved);
        model.addAttribute("fresh", true);
        return reportForm(me, model);
    }

    @PostMapping("/safety/overdoses/new")
    String report(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") OverdosePageForm form,
                  BindingResult result, Model model) {
        requireRecorder(me);
        if (result.hasErrors()) {
            return reportForm(me, model);
        }
        try {
            RecordedOverdose recorded = overdoses.record(me, form.toForm());
            OverdoseReport report = recorded.report();
            if (report.outcome() == Outcome.DIED && report.clientId() != null && deaths.mayRecord(me)) {
                return "redirect:/safety/deaths/new?report=" + report.id(); // the death follows at once
            }
            return "redirect:/safety/overdoses/new?saved=" + report.id();
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return reportForm(me, model);
        }
    }

    private String reportForm(ReachUser me, Model model) {
        model.addAttribute("sites", overdoses.recordingSites(me));
        model.addAttribute("hotspots", overdoses.hotspotNames(me));
        model.addAttribute("substances", Substance.values());
        model.addAttribute("signs", Sign.values());
        model.addAttribute("givers", NaloxoneGiver.values());
        model.addAttribute("responses", Response.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("sexes", Gender.values());
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("maxDoses", Overdoses.MAX_DOSES);
        model.addAttribute("gpsThreshold", (long) gps.thresholdMetres());
        return OVERDOSE_FORM;
    }

    @GetMapping("/safety/overdoses/{id}")
    String show(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        OverdoseReport report = overdoses.report(me, id);
        if (!model.containsAttribute("followUp")) {
            FollowUpPageForm followUp = new FollowUpPageForm();
            followUp.setDate(overdoses.now().toLocalDate());
            model.addAttribute("followUp", followUp);
        }
        return showReport(me, report, model);
    }

    private String showReport(ReachUser me, OverdoseReport report, Model model) {
        List<Long> ids = new ArrayList<>();
        if (report.clientId() != null) {
            ids.add(report.clientId());
        }
        if (report.kitHolderClientId() != null) {
            ids.add(report.kitHolderClientId());
        }
        model.addAttribute("report", report);
        model.addAttribute("codes", overdoses.clientCodes(me, ids));
        model.addAttribute("siteNames", overdoses.siteNames(me));
        model.addAttribute("results", FollowUpResult.values());
        model.addAttribute("mayRecord", overdoses.mayRecord(me));
        return OVERDOSE;
    }

    @PostMapping("/safety/overdoses/{id}/follow-up")
    String followUp(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                    @ModelAttribute("followUp") FollowUpPageForm form, BindingResult result, Model model) {
        requireRecorder(me);
        if (!result.hasErrors()) {
            try {
                overdoses.recordFollowUp(me, id, form.toForm());
                return "redirect:/safety/overdoses/" + id + "?followedUp";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return showReport(me, overdoses.report(me, id), model);
    }

    // ---- deaths

    @GetMapping("/safety/deaths/new")
    String newDeath(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client,
                    @RequestParam(required = false) Long report, Model model) {
        requireDeathRecorder(me);
        DeathPageForm form = new DeathPageForm();
        form.setDiedOn(overdoses.now().toLocalDate());
        if (report != null) {
            OverdoseReport overdose = overdoses.report(me, report);
            form.setOverdoseReportId(overdose.id());
            form.setDiedOn(overdose.occurredAt().toLocalDate());
            form.setCause(CauseOfDeath.OVERDOSE.name());
            form.setSource(DeathSource.PEER.name());
            form.setPlace(overdose.hotspot() != null ? overdose.hotspot()
                    : overdose.siteId() == null ? null : overdoses.siteNames(me).get(overdose.siteId()));
            if (overdose.clientId() != null) {
                form.setClientCode(overdoses.clientCodes(me, List.of(overdose.clientId())).get(overdose.clientId()));
            }
        } else if (client != null) {
            form.setClientCode(clients.client(me, client).uic());
        }
        model.addAttribute("form", form);
        return deathForm(model, null);
    }

    @PostMapping("/safety/deaths/new")
    String recordDeath(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") DeathPageForm form,
                       BindingResult result, Model model) {
        requireDeathRecorder(me);
        if (!result.hasErrors()) {
            try {
                Death death = deaths.record(me, form.toForm());
                return "redirect:/safety/deaths/" + death.id() + "?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return deathForm(model, null);
    }

    @GetMapping("/safety/deaths/{id}")
    String death(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Death death = deaths.death(me, id);
        model.addAttribute("death", death);
        model.addAttribute("code", overdoses.clientCodes(me, List.of(death.clientId())).get(death.clientId()));
        model.addAttribute("mayRecord", deaths.mayRecord(me));
        return DEATH;
    }

    @GetMapping("/safety/deaths/{id}/edit")
    String editDeath(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        requireDeathRecorder(me);
        Death death = deaths.death(me, id);
        String code = overdoses.clientCodes(me, List.of(death.clientId())).get(death.clientId());
        model.addAttribute("form", DeathPageForm.of(death, code));
        return deathForm(model, death);
    }

    @PostMapping("/safety/deaths/{id}/edit")
    String correctDeath(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                        @ModelAttribute("form") DeathPageForm form, BindingResult result, Model model) {
        requireDeathRecorder(me);
        Death current = deaths.death(me, id);
        if (!result.hasErrors()) {
            try {
                deaths.correct(me, id, form.toForm());
                return "redirect:/safety/deaths/" + id + "?saved";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return deathForm(model, current);
    }

    private String deathForm(Model model, Death editing) {
        model.addAttribute("editing", editing);
        model.addAttribute("causes", CauseOfDeath.values());
        model.addAttribute("sources", DeathSource.values());
        model.addAttribute("answers", Answer.values());
        return DEATH_FORM;
    }

    // ---- a client's safety panel

    @GetMapping("/safety/clients/{id}")
    String client(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        if (!overdoses.mayRead(me)) {
            throw new Forbidden("read safety of client");
        }
        Client client = clients.client(me, id);
        List<OverdoseReport> reports = overdoses.ofClient(me, client);
        Optional<Death> death = deaths.ofClient(me, client);
        model.addAttribute("client", client);
        model.addAttribute("kits", kits.ofClient(me, id));
        model.addAttribute("reports", reports);
        model.addAttribute("codes", overdoses.clientCodes(me, clientIdsOf(reports)));
        model.addAttribute("death", death.orElse(null));
        model.addAttribute("siteNames", overdoses.siteNames(me));
        model.addAttribute("mayRecord", deaths.mayRecord(me));
        return CLIENT;
    }

    private static List<Long> clientIdsOf(List<OverdoseReport> reports) {
        List<Long> ids = new ArrayList<>();
        for (OverdoseReport r : reports) {
            if (r.clientId() != null) {
                ids.add(r.clientId());
            }
        }
        return ids;
    }

    private void requireRecorder(ReachUser me) {
        if (!overdoses.mayRecord(me)) {
            throw new Forbidden("report overdose");
        }
    }

    private void requireDeathRecorder(ReachUser me) {
        if (!deaths.mayRecord(me)) {
            throw new Forbidden("record death");
        }
    }
}
