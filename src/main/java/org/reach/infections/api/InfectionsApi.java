package org.reach.infections.api;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.infections.InfectionConflict;
import org.reach.infections.InfectionForm;
import org.reach.infections.InfectionKind;
import org.reach.infections.InfectionPage;
import org.reach.infections.InfectionRecord;
import org.reach.infections.Infections;
import org.reach.infections.RecordedInfection;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/infections")
@Tag(name = "Infections", description = "Wound assessments, hepatitis and TB tests and treatments of clients; "
        + "idempotent by client-generated uuid")
@SecurityRequirement(name = "token")
class InfectionsApi {

    private final Infections infections;
    private final MessageSource messages;

    InfectionsApi(Infections infections, MessageSource messages) {
        this.infections = infections;
        this.messages = messages;
    }

    /** The stored record and whether this call created it. */
    record RecordResponse(InfectionRecord record, boolean created) {
    }

    @PostMapping("/records")
    @Operation(summary = "Record one wound assessment, test, treatment step or outcome: 201 when new, 200 with the "
            + "stored one when the uuid is already known with the same content, 409 when known with other content",
            description = "`kind` is one of " + "WOUND_ASSESSMENT, HCV_ANTIBODY_TEST, HCV_RNA_TEST, HCV_TREATMENT_START, "
                    + "HCV_TREATMENT_COMPLETION, HCV_SVR12, HBSAG_TEST, HBV_VACCINATION, TB_SCREENING, TB_DIAGNOSIS, "
                    + "TB_TREATMENT_START, TB_TREATMENT_OUTCOME; `result`, `detail`, `treatment` and `antibiotics` are "
                    + "the codes the kind takes (see docs/infections.md) and must be left out when it takes none.")
    ResponseEntity<RecordResponse> record(@AuthenticationPrincipal ReachUser me, @RequestBody InfectionForm form) {
        RecordedInfection recorded = infections.record(me, form);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RecordResponse(recorded.record(), recorded.created()));
    }

    @GetMapping("/records")
    @Operation(summary = "Records of the caller's organisation, newest first, optionally of one client or kind",
            description = "`page` from 0 (at most 100000), `size` 1 to 100 (default 50).")
    InfectionPage list(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client,
                       @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "50") int size) {
        return infections.list(me, client, kind(kind), page, size);
    }

    @GetMapping("/records/{id}")
    InfectionRecord record(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return infections.record(me, id);
    }

    private static InfectionKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return InfectionKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw InvalidInput.of("kind", "infection.error.code");
        }
    }

    @ExceptionHandler(InfectionConflict.class)
    ProblemDetail conflict(InfectionConflict conflict, Locale locale) {
        String reason = messages.getMessage("infection.error.uuidConflict", null, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, reason);
        problem.setType(URI.create("urn:reach:problem:conflict"));
        problem.setTitle(messages.getMessage("error.duplicate.title", null, "Conflict", locale));
        problem.setProperty("errors", java.util.List.of(Map.of("field", "uuid", "code", "infection.error.uuidConflict",
                "reason", reason)));
        return problem;
    }
}
