package org.reach.clients.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.clients.Client;
import org.reach.clients.ClientAccess;
import org.reach.clients.ClientImportWork;
import org.reach.clients.ClientPage;
import org.reach.clients.ClientProfile;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistrations;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.clients.ClientSettings;
import org.reach.clients.ClientSettingsForm;
import org.reach.clients.ClientStatus;
import org.reach.clients.ClientStatusChanges;
import org.reach.clients.ClientUpdate;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.RegistrySettings;
import org.reach.clients.StageChange;
import org.reach.clients.StatusChange;
import org.reach.clients.TimelineEntry;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.platform.Table;
import org.reach.platform.TableReader;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The client registry for scripts and mobile clients. Organisation staff only: coordinators and
 * administrators get 403 on every endpoint. Reads and writes are recorded in the audit log.
 */
@RestController
@RequestMapping("/api/clients")
@Tag(name = "Clients", description = "The pseudonymous client registry: codes, never names")
@SecurityRequirement(name = "token")
class ClientsApi {

    private final ClientRegistry registry;
    private final ClientAccess access;
    private final RegistrySettings registrySettings;
    private final ClientRegistrations registrations;
    private final ClientStatusChanges statusChanges;
    private final ClientImportWork imports;
    private final BackgroundJobs jobs;
    private final MessageSource messages;

    ClientsApi(ClientRegistry registry, ClientAccess access, RegistrySettings registrySettings,
               ClientRegistrations registrations, ClientStatusChanges statusChanges, ClientImportWork imports,
               BackgroundJobs jobs, MessageSource messages) {
        this.registry = registry;
        this.access = access;
        this.registrySettings = registrySettings;
        this.registrations = registrations;
        this.statusChanges = statusChanges;
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Search the clients of the caller's organisation by code prefix, status, site and key population")
    ClientPage search(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String code,
                      @RequestParam(required = false) ClientStatus status, @RequestParam(required = false) Long siteId,
                      @RequestParam(required = false) KeyPopulation keyPopulation,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return registry.search(me, new ClientSearch(code, status, siteId, keyPopulation), page, size);
    }

    @PostMapping
    @Operation(summary = "Register a client from code components (used once, never stored) or a typed code",
            description = """
                    Send either `components` (mother's and father's first names, own names, birth date parts: used \
                    once to compute the code under the organisation's scheme, never stored or returned) or `code` \
                    (from the client's code card), plus the client's facts. Answers 201 with the new client, 200 with \
                    the existing client when the code is already registered, or 409 problem JSON \
                    (type urn:reach:problem:near-matches) with `code` and `nearMatches` when the code is one character \
                    off, has day and month swapped or the parents swapped compared with existing codes. Send the same \
                    body again with `decision` CONFIRMED_SAME and `sameAsClientId` (it is that client: 200) or \
                    REJECTED_DIFFERENT (a different person: 201); the decision is recorded.""")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Existing client opened")
    @ApiResponse(responseCode = "409", description = "Near matches: a person must decide")
    ResponseEntity<?> register(@AuthenticationPrincipal ReachUser me, @RequestBody ClientRegistration registration,
                               Locale locale) {
        RegistrationOutcome outcome = registrations.register(me, registration);
        return switch (outcome.kind()) {
            case CREATED -> ResponseEntity.created(URI.create("/api/clients/" + outcome.client().id())).body(outcome);
            case EXISTING -> ResponseEntity.ok(outcome);
            case NEEDS_DECISION -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        messages.getMessage("client.nearMatches.detail", null, locale));
                problem.setType(URI.create("urn:reach:problem:near-matches"));
                problem.setTitle(messages.getMessage("client.nearMatches.title", null, locale));
                problem.setProperty("code", outcome.code());
                problem.setProperty("nearMatches", outcome.nearMatches());
                yield ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        };
    }

    @GetMapping("/{id}")
    @Operation(summary = "One client; the alias only for people assigned to the enrolment site")
    ClientProfile client(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return registry.profile(me, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct a client's facts (the code never changes)")
    ClientProfile update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ClientUpdate update) {
        return registrations.update(me, id, update);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Record detained, transferred, deceased or exited with date and reason")
    Client status(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody StatusChange change) {
        return statusChanges.changeStatus(me, id, change);
    }

    @PostMapping("/{id}/stage")
    @Operation(summary = "Move the client along the continuum of care")
    Client stage(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody StageChange change) {
        return statusChanges.changeStage(me, id, change);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Registration, status and stage changes, encounters and referrals, newest first")
    List<TimelineEntry> timeline(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return registry.timeline(me, id);
    }

    @GetMapping("/settings")
    @Operation(summary = "The organisation's code scheme and status thresholds")
    ClientSettings settings(@AuthenticationPrincipal ReachUser me) {
        return registrySettings.settings(me);
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the code scheme (only while there are no clients) and thresholds (organisation managers)")
    ClientSettings updateSettings(@AuthenticationPrincipal ReachUser me, @RequestBody ClientSettingsForm form) {
        return registrySettings.updateSettings(me, form);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a client list (CSV or XLSX) in the background; all rows or none",
            description = "Columns: uic, gender, birth_year, key_populations (separated by ;), primary_drug, "
                    + "secondary_drug, route, enrolment_site (site name), first_contact (ISO date), status. Answers 202 "
                    + "with the job id; GET /api/jobs/{id} gives progress and the report naming every bad row.")
    ResponseEntity<Map<String, String>> importClients(@AuthenticationPrincipal ReachUser me,
                                                      @RequestPart("file") MultipartFile file) {
        if (!access.mayImport(me)) {
            throw new Forbidden("import clients");
        }
        Table table;
        try (InputStream content = file.getInputStream()) {
            table = TableReader.read(file.getOriginalFilename(), content);
        } catch (IOException unreadable) {
            throw InvalidInput.of("file", "import.error.unreadable");
        }
        String id = jobs.start(me, "client-import", progress -> imports.importClients(me, table, progress));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", id));
    }
}
