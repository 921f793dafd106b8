package org.reach.clients.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.reach.audit.AuditTrail;
import org.reach.clients.CareStage;
import org.reach.clients.ClientAccess;
import org.reach.clients.ClientImportWork;
import org.reach.clients.ClientMerges;
import org.reach.clients.ClientPage;
import org.reach.clients.ClientProfile;
import org.reach.clients.ClientRegistrations;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.clients.ClientSettings;
import org.reach.clients.ClientSettingsForm;
import org.reach.clients.ClientStatus;
import org.reach.clients.ClientStatusChanges;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.RegistrySettings;
import org.reach.clients.Route;
import org.reach.clients.uic.UicScheme;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.Paging;
import org.reach.platform.ReachUser;
import org.reach.platform.Table;
import org.reach.platform.TableReader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The client pages: search, registration with the duplicate guard, profile and timeline, changes, import. */
@Controller
class ClientPages {

    private static final int PAGE_SIZE = 25;
    private static final List<ClientStatus> RECORDED = List.of(ClientStatus.DETAINED, ClientStatus.TRANSFERRED,
            ClientStatus.DECEASED, ClientStatus.EXITED);

    private final ClientRegistry registry;
    private final ClientAccess access;
    private final RegistrySettings registrySettings;
    private final ClientRegistrations registrations;
    private final ClientStatusChanges statusChanges;
    private final ClientImportWork imports;
    private final ClientMerges merges;
    private final BackgroundJobs jobs;
    private final Clock clock;

    ClientPages(ClientRegistry registry, ClientAccess access, RegistrySettings registrySettings,
                ClientRegistrations registrations, ClientStatusChanges statusChanges, ClientImportWork imports,
                ClientMerges merges, BackgroundJobs jobs, Clock clock) {
        this.registry = registry;
        this.access = access;
        this.registrySettings = registrySettings;
        this.registrations = registrations;
        this.statusChanges = statusChanges;
        this.imports = imports;
        this.merges = merges;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping("/clients")
    String list(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String code,
                @RequestParam(required = false) ClientStatus status, @RequestParam(required = false) Long site,
                @RequestParam(required = false) KeyPopulation keyPopulation, @RequestParam(defaultValue = "0") int page,
                Model model) {
        ClientPage clients = registry.search(me, new ClientSearch(code, status, site, keyPopulation), Paging.clamp(page), PAGE_SIZE);
        model.addAttribute("clients", clients);
        model.addAttribute("siteNames", registry.siteNames(me));
        model.addAttribute("statuses", java.util.Arrays.stream(ClientStatus.values())
                .filter(s -> s != ClientStatus.MERGED).toList()); // merged records are not listed
        model.addAttribute("keyPopulations", KeyPopulation.values());
        model.addAttribute("code", code);
        model.addAttribute("status", status);
        model.addAttribute("site", site);
        model.addAttribute("keyPopulation", keyPopulation);
        model.addAttribute("mayWrite", access.mayWrite(me));
        model.addAttribute("mayImport", access.mayImport(me));
        model.addAttribute("mayChangeSettings", access.mayChangeSettings(me));
        model.addAttribute("mayMerge", merges.mayMerge(me));
        return "clients/clients";
    }

    // ---- registration

    @GetMapping("/clients/new")
    String newForm(@AuthenticationPrincipal ReachUser me, Model model) {
        requireWriter(me);
        RegistrationForm form = new RegistrationForm();
        form.setFirstContact(LocalDate.now(clock));
        me.siteIds().stream().findFirst().ifPresent(form::setEnrolmentSiteId);
        model.addAttribute("form", form);
        return registrationForm(me, model, null);
    }

    @PostMapping("/clients/new")
    String register(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") RegistrationForm form,
                    BindingResult result, @RequestParam(required = false) String preview, Model model) {
        requireWriter(me);
        boolean hadComponents = form.hasComponents();
        try {
            if (hadComponents) {
                String code = registrations.code(me, form.components());
                form.setCode(code);
                form.setComputed(true);
            }
        } catch (InvalidInput invalid) {
            form.forgetComponents();
            FormErrors.bind(invalid, result);
            return registrationForm(me, model, null);
        } finally {
            form.forgetComponents();
        }
        if (result.hasErrors()) {
            return registrationForm(me, model, null);
        }
        if (preview != null) {
            return registrationForm(me, model, null);
        }
        try {
            RegistrationOutcome outcome = registrations.register(me, form.registration());
            return switch (outcome.kind()) {
                case CREATED -> "redirect:/clients/" + outcome.client().id() + "?created";
                case EXISTING -> "redirect:/clients/" + outcome.client().id() + "?existing";
                case NEEDS_DECISION -> {
                    form.setCode(outcome.code());
                    form.setComputed(true);
                    yield registrationForm(me, model, outcome);
                }
            };
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return registrationForm(me, model, null);
        }
    }

    private String registrationForm(ReachUser me, Model model, RegistrationOutcome outcome) {
        ClientSettings settings = registrySettings.settings(me);
        model.addAttribute("scheme", settings.scheme());
        model.addAttribute("fullDate", settings.scheme() == UicScheme.PARENTS_ORDER_BIRTH_DATE);
        model.addAttribute("outcome", outcome);
        choices(me, model);
        return "clients/register";
    }

    // ---- profile and timeline

    @GetMapping("/clients/{id}")
    String profile(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        ClientProfile profile = registry.profile(me, id);
        model.addAttribute("profile", profile);
        model.addAttribute("client", profile.client());
        model.addAttribute("timeline", registry.timeline(me, id));
        model.addAttribute("mayWrite", access.mayWrite(me) && !profile.client().isDeceased()
                && profile.client().status() != ClientStatus.MERGED);
        model.addAttribute("mayReadAccess", AuditTrail.mayReadClientAccess(me));
        model.addAttribute("mayMerge", merges.mayMerge(me));
        merges.survivorOf(me, id).ifPresent(survivor -> {
            model.addAttribute("survivorId", survivor);
            model.addAttribute("survivorCode", registry.codes(me, List.of(survivor)).get(survivor));
        });
        return "clients/client";
    }

    @GetMapping("/clients/{id}/edit")
    String editForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        requireWriter(me);
        ClientProfile profile = registry.profile(me, id);
        model.addAttribute("form", ClientForm.of(profile));
        return editPage(me, model, profile);
    }

    @PostMapping("/clients/{id}/edit")
    String update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") ClientForm form,
                  BindingResult result, Model model) {
        requireWriter(me);
        ClientProfile profile = registry.profile(me, id);
        return FormErrors.submit(result, () -> {
            registrations.update(me, id, form.update());
            return "redirect:/clients/" + id + "?saved";
        }, () -> editPage(me, model, profile));
    }

    private String editPage(ReachUser me, Model model, ClientProfile profile) {
        model.addAttribute("profile", profile);
        model.addAttribute("client", profile.client());
        choices(me, model);
        // Only people who see the alias may change it.
        model.addAttribute("aliasSites", profile.aliasVisible() ? me.siteIds() : Set.of());
        return "clients/edit";
    }

    @GetMapping("/clients/{id}/status")
    String statusForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        requireWriter(me);
        ClientProfile profile = registry.profile(me, id);
        ClientForm form = new ClientForm();
        form.setDate(LocalDate.now(clock));
        model.addAttribute("form", form);
        return statusPage(model, profile);
    }

    @PostMapping("/clients/{id}/status")
    String changeStatus(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") ClientForm form,
                        BindingResult result, Model model) {
        requireWriter(me);
        ClientProfile profile = registry.profile(me, id);
        return FormErrors.submit(result, () -> {
            statusChanges.changeStatus(me, id, form.statusChange());
            return "redirect:/clients/" + id + "?saved";
        }, () -> statusPage(model, profile));
    }

    private String statusPage(Model model, ClientProfile profile) {
        model.addAttribute("profile", profile);
        model.addAttribute("client", profile.client());
        model.addAttribute("statuses", RECORDED);
        return "clients/status";
    }

    @GetMapping("/clients/{id}/stage")
    String stageForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        requireWriter(me);
        ClientProfile profile = registry.profile(me, id);
        ClientForm form = new ClientForm();
        form.setDate(LocalDate.now(clock));
        model.addAttribute("form", form);
        return stagePage(model, profile);
    }

    @PostMapping("/clients/{id}/stage")
    String changeStage(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") ClientForm form,
                       BindingResult result, Model model) {
        requireWriter(me);
        ClientProfile profile = registry.profile(me, id);
        return FormErrors.submit(result, () -> {
            statusChanges.changeStage(me, id, form.stageChange());
            return "redirect:/clients/" + id + "?saved";
        }, () -> stagePage(model, profile));
    }

    private String stagePage(Model model, ClientProfile profile) {
        model.addAttribute("profile", profile);
        model.addAttribute("client", profile.client());
        model.addAttribute("stages", CareStage.values());
        return "clients/stage";
    }

    // ---- settings

    @GetMapping("/clients/settings")
    String settingsForm(@AuthenticationPrincipal ReachUser me, Model model) {
        requireSettings(me);
        model.addAttribute("form", ClientSettingsForm.of(registrySettings.settings(me)));
        return settingsPage(me, model);
    }

    @PostMapping("/clients/settings")
    String saveSettings(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") ClientSettingsForm form,
                        BindingResult result, Model model) {
        requireSettings(me);
        return FormErrors.submit(result, () -> {
            registrySettings.updateSettings(me, form);
            return "redirect:/clients/settings?saved";
        }, () -> settingsPage(me, model));
    }

    private String settingsPage(ReachUser me, Model model) {
        model.addAttribute("schemes", UicScheme.values());
        model.addAttribute("schemeLocked", registrySettings.schemeLocked(me));
        return "clients/settings";
    }

    // ---- import

    @GetMapping("/clients/import")
    String importForm(@AuthenticationPrincipal ReachUser me, Model model) {
        requireImporter(me);
        model.addAttribute("columns", ClientImportWork.IMPORT_COLUMNS);
        return "clients/import";
    }

    @PostMapping("/clients/import")
    String startImport(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) MultipartFile file, Model model) {
        requireImporter(me);
        model.addAttribute("columns", ClientImportWork.IMPORT_COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "import.error.empty");
            return "clients/import";
        }
        Table table;
        try (InputStream content = file.getInputStream()) {
            table = TableReader.read(file.getOriginalFilename(), content);
        } catch (InvalidInput invalid) {
            model.addAttribute("fileError", invalid.problems().get(0).messageKey());
            return "clients/import";
        } catch (IOException unreadable) {
            model.addAttribute("fileError", "import.error.unreadable");
            return "clients/import";
        }
        String id = jobs.start(me, "client-import", progress -> imports.importClients(me, table, progress));
        return "redirect:/clients/import/" + id;
    }

    @GetMapping("/clients/import/{job}")
    String importProgress(@AuthenticationPrincipal ReachUser me, @PathVariable String job, Model model) {
        requireImporter(me);
        model.addAttribute("job", jobs.status(me, job));
        return "clients/import-report";
    }

    // ---- helpers

    private void choices(ReachUser me, Model model) {
        model.addAttribute("sites", registry.enrolmentSites(me));
        model.addAttribute("peerEducators", registry.peerEducators(me));
        model.addAttribute("genders", Gender.values());
        model.addAttribute("keyPopulations", KeyPopulation.values());
        model.addAttribute("drugs", Drug.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("aliasSites", me.siteIds());
    }

    private void requireWriter(ReachUser me) {
        registrySettings.settings(me);
        if (!access.mayWrite(me)) {
            throw new Forbidden("change clients");
        }
    }

    private void requireSettings(ReachUser me) {
        if (!access.mayChangeSettings(me)) {
            throw new Forbidden("change client settings");
        }
    }

    private void requireImporter(ReachUser me) {
        if (!access.mayImport(me)) {
            throw new Forbidden("import clients");
        }
    }
}
