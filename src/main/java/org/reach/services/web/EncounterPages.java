package org.reach.services.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reach.clients.Client;
import org.reach.organisations.Site;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.Paging;
import org.reach.platform.ReachUser;
import org.reach.services.Encounter;
import org.reach.services.EncounterFilter;
import org.reach.services.EncounterPage;
import org.reach.services.EncounterForm;
import org.reach.services.EncounterImport;
import org.reach.services.Encounters;
import org.reach.services.NoteScreen;
import org.reach.services.NoteWarning;
import org.reach.services.RecordedEncounter;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServiceDefinition;
import org.reach.services.ServiceLine;
import org.reach.services.ServiceUnit;
import org.reach.services.TestResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
class EncounterPages {

    private static final int PAGE_SIZE = 100;

    private static final int QUICK_SERVICES = 8;
    private static final Pattern SERVICE_FIELD = Pattern.compile("services\\[(\\d+)]\\.(\\w+)");

    private final Encounters encounters;
    private final ServiceCatalogue catalogue;
    private final EncounterImport importer;
    private final BackgroundJobs jobs;
    private final Clock clock;

    EncounterPages(Encounters encounters, ServiceCatalogue catalogue, EncounterImport importer, BackgroundJobs jobs, Clock clock) {
        this.encounters = encounters;
        this.catalogue = catalogue;
        this.importer = importer;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping("/encounters")
    String list(@AuthenticationPrincipal ReachUser me,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long site, @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate start = from != null ? from : LocalDate.now(clock).minusDays(30);
        EncounterPage result;
        if (to != null && start.isAfter(to)) {
            model.addAttribute("fromError", "error.periodOrder"); // shown beside the dates
            result = new EncounterPage(List.of(), 0, PAGE_SIZE, 0);
        } else {
            result = encounters.list(me, new EncounterFilter(start, to, site, null), Paging.clamp(page), PAGE_SIZE);
        }
        List<Encounter> found = result.encounters();
        model.addAttribute("result", result);
        model.addAttribute("encounters", found);
        model.addAttribute("clientCodes", encounters.clientCodes(me, found.stream().map(Encounter::clientId).toList()));
        model.addAttribute("from", start);
        model.addAttribute("to", to);
        model.addAttribute("selectedSite", site);
        model.addAttribute("siteNames", siteNames(me));
        model.addAttribute("mayRecord", encounters.mayRecord(me));
        return "services/encounters";
    }

    @GetMapping("/encounters/{id}")
    String show(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Encounter encounter = encounters.encounter(me, id);
        model.addAttribute("encounter", encounter);
        model.addAttribute("clientCodes", encounter.clientId() == null ? Map.of()
                : encounters.clientCodes(me, List.of(encounter.clientId())));
        model.addAttribute("siteNames", siteNames(me));
        return "services/encounter";
    }

    @GetMapping("/encounters/new")
    String newForm(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long saved,
                   @RequestParam(required = false) String code, Model model) {
        requireRecorder(me);
        EncounterPageForm form = fresh(me);
        if (code != null && !code.isBlank()) {
            form.setClientCode(code.strip());
        }
        model.addAttribute("form", form);
        model.addAttribute("saved", saved);
        if (saved != null) {
            // Name whom the encounter was saved for, so a slip of the thumb on the code shows at once.
            Encounter last = encounters.encounter(me, saved);
            model.addAttribute("savedFor", last.clientId() == null ? null
                    : encounters.clientCodes(me, List.of(last.clientId())).get(last.clientId()));
        }
        return form(me, model, List.of());
    }

    @PostMapping("/encounters/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") EncounterPageForm form, BindingResult result,
                  Model model) {
        requireRecorder(me);
        if (result.hasErrors()) {
            return form(me, model, List.of());
        }
        List<NoteWarning> warnings = NoteScreen.warnings(form.getNotes());
        Map<String, ServiceDefinition> byCode = catalogue.services(me).stream()
                .collect(Collectors.toMap(ServiceDefinition::code, Function.identity()));
        List<String> order = new ArrayList<>();
        List<ServiceLine> lines = new ArrayList<>();
        for (ServiceDefinition service : catalogue.services(me)) {
            String code = service.code();
            String quantity = form.getQuantities().get(code);
            String resultText = form.getResults().get(code);
            TestResult testResult = parseResult(resultText);
            if ((quantity == null || quantity.isBlank()) && testResult == null) {
                continue;
            }
            Integer amount;
            try {
                amount = quantity == null || quantity.isBlank() ? 1 : Integer.valueOf(quantity.strip());
            } catch (NumberFormatException notANumber) {
                result.rejectValue("quantities[" + code + "]", "typeMismatch");
                continue;
            }
            if (amount == 0 && service.unit() != ServiceUnit.RESULT) {
                continue; // an untouched box
            }
            order.add(code);
            lines.add(new ServiceLine(code, amount, testResult,
                    byCode.get(code).unit() == ServiceUnit.RESULT ? Boolean.TRUE.equals(form.getLinked().get(code)) : null));
        }
        if (result.hasErrors()) {
            return form(me, model, List.of());
        }
        if (!warnings.isEmpty() && !form.isConfirmNotes()) {
            return form(me, model, warnings);
        }
        String code = form.getClientCode() == null || form.getClientCode().isBlank() ? null : form.getClientCode().strip();
        EncounterForm encounter = new EncounterForm(form.getUuid(), form.getDate(), form.getSiteId(), form.getHotspot(),
                null, form.isAnonymous() ? null : code, form.isAnonymous(), lines, form.getReturnedSyringes(),
                form.getReturnedWeightGrams(), form.getNotes());
        try {
            RecordedEncounter recorded = encounters.record(me, encounter);
            return "redirect:/encounters/new?saved=" + recorded.encounter().id();
        } catch (InvalidInput invalid) {
            bind(invalid, result, order);
            return form(me, model, List.of());
        }
    }

    @GetMapping("/encounters/client-check")
    String clientCheck(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String clientCode, Model model) {
        Optional<Client> client = encounters.findClient(me, clientCode);
        model.addAttribute("code", clientCode == null ? "" : clientCode.strip());
        model.addAttribute("client", client.orElse(null));
        return "services/encounter-form :: clientStatus";
    }

    @GetMapping("/encounters/import")
    String importForm(@AuthenticationPrincipal ReachUser me) {
        requireRecorder(me);
        return "services/import";
    }

    @PostMapping("/encounters/import")
    String upload(@AuthenticationPrincipal ReachUser me, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model) throws IOException {
        requireRecorder(me);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "error.required");
            }
            String job = importer.start(me, file.getOriginalFilename(), file.getBytes());
            return "redirect:/encounters/import/" + job;
        } catch (InvalidInput invalid) {
            model.addAttribute("fileError", invalid.problems().get(0));
            return "services/import";
        }
    }

    @GetMapping("/encounters/import/{job}")
    String importStatus(@AuthenticationPrincipal ReachUser me, @PathVariable String job,
                        @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("job", jobs.status(me, job));
        return htmx != null ? "services/import-status :: report" : "services/import-status";
    }

    private EncounterPageForm fresh(ReachUser me) {
        EncounterPageForm form = new EncounterPageForm();
        form.setUuid(UUID.randomUUID().toString());
        form.setDate(LocalDate.now(clock));
        List<Site> sites = encounters.recordingSites(me);
        sites.stream().filter(s -> me.isAssignedTo(s.id())).findFirst().or(() -> sites.stream().findFirst())
                .ifPresent(s -> form.setSiteId(s.id()));
        return form;
    }

    private String form(ReachUser me, Model model, List<NoteWarning> warnings) {
        EncounterPageForm current = (EncounterPageForm) model.getAttribute("form");
        List<ServiceDefinition> quick = catalogue.quickServices(me, current == null ? null : current.getSiteId(),
                QUICK_SERVICES);
        List<ServiceDefinition> others = catalogue.services(me).stream().filter(ServiceDefinition::active)
                .filter(s -> quick.stream().noneMatch(q -> q.id() == s.id())).toList();
        model.addAttribute("quickServices", quick);
        model.addAttribute("otherServices", others);
        model.addAttribute("sites", encounters.recordingSites(me));
        model.addAttribute("testResults", TestResult.values());
        model.addAttribute("noteWarnings", warnings);
        return "services/encounter-form";
    }

    /** Puts the service's problems beside the page's fields, which name services by code. */
    private static void bind(InvalidInput invalid, BindingResult result, List<String> order) {
        for (var problem : invalid.problems()) {
            Object[] arguments = problem.arguments().toArray();
            Matcher service = SERVICE_FIELD.matcher(problem.field());
            String field;
            if (service.matches() && Integer.parseInt(service.group(1)) < order.size()) {
                String code = order.get(Integer.parseInt(service.group(1)));
                field = (service.group(2).equals("result") ? "results[" : "quantities[") + code + "]";
            } else {
                field = switch (problem.field()) {
                    case "clientId", "clientUic" -> "clientCode";
                    case "date", "siteId", "hotspot", "returnedSyringes", "returnedWeightGrams", "notes" -> problem.field();
                    default -> null;
                };
            }
            if (field == null) {
                result.reject(problem.messageKey(), arguments, problem.messageKey());
            } else {
                result.rejectValue(field, problem.messageKey(), arguments, problem.messageKey());
            }
        }
    }

    private Map<Long, String> siteNames(ReachUser me) {
        return encounters.recordingSites(me).stream().collect(Collectors.toMap(Site::id, Site::name));
    }

    private void requireRecorder(ReachUser me) {
        if (!encounters.mayRecord(me)) {
            throw new Forbidden("record encounters");
        }
    }

    private static TestResult parseResult(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TestResult.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
