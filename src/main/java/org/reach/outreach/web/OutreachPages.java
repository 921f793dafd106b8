package org.reach.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reach.clients.PeerEducator;
import org.reach.organisations.Site;
import org.reach.outreach.ContactCount;
import org.reach.outreach.IncidentCount;
import org.reach.outreach.KnownClient;
import org.reach.outreach.OutreachSession;
import org.reach.outreach.OutreachSessionForm;
import org.reach.outreach.OutreachSessions;
import org.reach.outreach.OutreachSetting;
import org.reach.outreach.SessionConflict;
import org.reach.outreach.SessionPage;
import org.reach.platform.FieldProblem;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.Paging;
import org.reach.platform.ReachUser;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServiceLine;
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
class OutreachPages {

    private static final String LIST = "outreach/sessions";
    private static final String FORM = "outreach/session-form";
    private static final String ONE = "outreach/session";
    private static final int PAGE_SIZE = 50;
    private static final Pattern KNOWN_FIELD = Pattern.compile("knownClients\\[(\\d+)]\\.?(.*)");

    private final OutreachSessions sessions;
    private final ServiceCatalogue catalogue;
    private final Clock clock;

    OutreachPages(OutreachSessions sessions, ServiceCatalogue catalogue, Clock clock) {
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/outreach/sessions")
    String list(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String setting, Model model) {
        LocalDate today = LocalDate.now(clock);
        // an unknown setting in the address lists every session, as the empty choice does
        OutreachSetting chosen = Arrays.stream(OutreachSetting.values()).filter(s -> s.name().equals(setting))
                .findFirst().orElse(null);
        SessionPage result = sessions.list(me, today.minusDays(90), today, null, chosen, Paging.clamp(page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("setting", chosen);
        model.addAttribute("settings", OutreachSetting.values());
        model.addAttribute("siteNames", siteNames(me));
        model.addAttribute("mayRecord", sessions.mayRecord(me));
        return LIST;
    }

    @GetMapping("/outreach/sessions/new")
    String newForm(@AuthenticationPrincipal ReachUser me, Model model) {
        require(me);
        SessionPageForm form = new SessionPageForm();
        form.setUuid(UUID.randomUUID().toString()); // a second click on save is then the same session
        form.setDate(LocalDate.now(clock));
        List<Site> sites = sessions.sites(me);
        if (sites.size() == 1) {
            form.setSiteId(sites.get(0).id());
        }
        form.setPeerIds(new ArrayList<>(List.of(me.id())));
        model.addAttribute("form", form);
        return form(me, form, model);
    }

    @PostMapping("/outreach/sessions/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") SessionPageForm form, BindingResult result,
                  Model model) {
        require(me);
        form.fillRows();
        List<Integer> sent = new ArrayList<>(); // page row of each known client sent
        return FormErrors.submit(result, () -> {
            try {
                return "redirect:/outreach/sessions/" + sessions.record(me, toForm(form, sent)).session().id() + "?saved";
            } catch (InvalidInput invalid) {
                throw new InvalidInput(invalid.problems().stream().map(p -> onPage(p, sent)).toList());
            } catch (SessionConflict conflict) {
                throw new InvalidInput(conflict.problems());
            }
        }, () -> form(me, form, model));
    }

    @GetMapping("/outreach/sessions/{id}")
    String show(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        OutreachSession session = sessions.session(me, id);
        model.addAttribute("outreachSession", session);
        model.addAttribute("clientCodes", sessions.clientCodes(me, List.of(session)));
        model.addAttribute("siteNames", siteNames(me));
        model.addAttribute("peerNames", sessions.peers(me).stream()
                .collect(Collectors.toMap(PeerEducator::id, PeerEducator::name, (a, b) -> a)));
        return ONE;
    }

    private String form(ReachUser me, SessionPageForm form, Model model) {
        form.fillRows();
        model.addAttribute("sites", sessions.sites(me));
        model.addAttribute("settings", OutreachSetting.values());
        model.addAttribute("hotspots", sessions.hotspots(me));
        model.addAttribute("peers", sessions.peers(me));
        model.addAttribute("services", catalogue.services(me).stream().filter(s -> s.active()).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return FORM;
    }

    private static OutreachSessionForm toForm(SessionPageForm f, List<Integer> sent) {
        List<ContactCount> contacts = f.getContacts().stream()
                .map(c -> new ContactCount(c.getSex(), c.getAgeBand(), c.getPeople() == null ? 0 : c.getPeople())).toList();
        List<KnownClient> known = new ArrayList<>();
        for (int i = 0; i < f.getKnownClients().size(); i++) {
            SessionPageForm.KnownRow row = f.getKnownClients().get(i);
            if (row.isBlank()) {
                continue;
            }
            sent.add(i);
            String code = row.getServiceCode() == null || row.getServiceCode().isBlank() ? null : row.getServiceCode();
            known.add(new KnownClient(row.getClientCode(), null,
                    code == null ? List.of() : List.of(new ServiceLine(code, row.getQuantity(), null, null))));
        }
        List<IncidentCount> incidents = f.getIncidents().stream()
                .map(i -> new IncidentCount(i.getCode(), i.getTimes() == null ? 0 : i.getTimes())).toList();
        LocalTime start = f.getStart();
        return new OutreachSessionForm(f.getUuid(), f.getSiteId(), f.getHotspotId(), f.getSetting(), f.getDate(), start, f.getEnd(),
                f.getPeerIds() == null ? List.of() : f.getPeerIds(), contacts, known, f.getNeedlesSyringes(), f.getCondoms(),
                f.getNaloxone(), f.getFoilPipes(), f.getInformationMaterial(), f.getReturnedSyringes(),
                f.getReturnedWeightGrams(), f.getReferrals(), incidents, "page-1");
    }

    /** A known client's problem beside the row it came from: services[0] is the row's one service. */
    private static FieldProblem onPage(FieldProblem problem, List<Integer> sent) {
        Matcher m = KNOWN_FIELD.matcher(problem.field());
        if (!m.matches()) {
            return problem;
        }
        int row = sent.get(Integer.parseInt(m.group(1)));
        String rest = m.group(2);
        String field = rest.startsWith("services[0].quantity") ? "quantity"
                : rest.startsWith("services") ? "serviceCode" : "clientCode";
        return new FieldProblem("knownClients[" + row + "]." + field, problem.messageKey(), problem.arguments());
    }

    private Map<Long, String> siteNames(ReachUser me) {
        return sessions.sites(me).stream().collect(Collectors.toMap(Site::id, Site::name, (a, b) -> a));
    }

    private void require(ReachUser me) {
        if (!sessions.mayRecord(me)) {
            throw new Forbidden("record outreach session");
        }
    }

}
