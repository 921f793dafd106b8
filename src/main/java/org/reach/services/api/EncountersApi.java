package org.reach.services.api;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.services.BatchResult;
import org.reach.services.Encounter;
import org.reach.services.EncounterBatch;
import org.reach.services.EncounterConflict;
import org.reach.services.EncounterFilter;
import org.reach.services.EncounterForm;
import org.reach.services.EncounterImport;
import org.reach.services.EncounterPage;
import org.reach.services.Encounters;
import org.reach.services.NoteWarning;
import org.reach.services.RecordedEncounter;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/encounters")
@Tag(name = "Encounters", description = "Encounters with the services given; idempotent by client-generated uuid")
@SecurityRequirement(name = "token")
class EncountersApi {

    private final Encounters encounters;
    private final EncounterImport importer;
    private final MessageSource messages;

    EncountersApi(Encounters encounters, EncounterImport importer, MessageSource messages) {
        this.encounters = encounters;
        this.importer = importer;
        this.messages = messages;
    }

    /** The stored encounter, whether this call created it, and warnings about the note. */
    record EncounterResponse(Encounter encounter, boolean created, List<NoteWarning> warnings) {
    }

    @PostMapping
    @Operation(summary = "Record one encounter: 201 when new, 200 with the stored one when the uuid is already known "
            + "with the same content, 409 when it is known with different content")
    ResponseEntity<EncounterResponse> record(@AuthenticationPrincipal ReachUser me, @RequestBody EncounterForm form) {
        RecordedEncounter recorded = encounters.record(me, form);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new EncounterResponse(recorded.encounter(), recorded.created(), recorded.warnings()));
    }

    @PostMapping("/batch")
    @Operation(summary = "Record up to 500 encounters: all or none; known uuids are reported as duplicates")
    BatchResult batch(@AuthenticationPrincipal ReachUser me, @RequestBody EncounterBatch batch) {
        return encounters.recordBatch(me, batch);
    }

    @GetMapping
    @Operation(summary = "Encounters of the caller's organisation (site managers and peers: their sites), newest first",
            description = "Paged like the client list: `page` from 0 (at most 100000), `size` 1 to 100 (default 50); "
                    + "the answer gives `encounters`, `page`, `size` and `total`. `from` after `to` is refused.")
    EncounterPage list(@AuthenticationPrincipal ReachUser me,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) Long site, @RequestParam(required = false) Long client,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return encounters.list(me, new EncounterFilter(from, to, site, client), page, size);
    }

    @GetMapping("/{id}")
    Encounter encounter(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return encounters.encounter(me, id);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV or XLSX encounter list in the background; follow /api/jobs/{jobId}")
    ResponseEntity<Map<String, String>> importFile(@AuthenticationPrincipal ReachUser me,
                                                   @RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "error.required");
        }
        String job = importer.start(me, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", job, "status", "/api/jobs/" + job));
    }

    @ExceptionHandler(EncounterConflict.class)
    ProblemDetail conflict(EncounterConflict conflict, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("encounter.error.uuidConflict", null, locale));
        problem.setType(java.net.URI.create("urn:reach:problem:conflict"));
        problem.setTitle(messages.getMessage("error.duplicate.title", null, "Conflict", locale));
        problem.setProperty("errors", conflict.problems().stream().map(p -> Map.of("field", p.field(), "code", p.messageKey(),
                "reason", messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale))).toList());
        return problem;
    }
}
