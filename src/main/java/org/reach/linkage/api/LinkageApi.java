package org.reach.linkage.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.linkage.ClientLinks;
import org.reach.linkage.LinkageRun;
import org.reach.linkage.RecordLinkage;
import org.reach.platform.ReachUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/linkage")
@Tag(name = "Record linkage", description = "Clients probably also known at another organisation of the programme, "
        + "possible duplicates, and linkage runs (encodings never leave the server)")
@SecurityRequirement(name = "token")
class LinkageApi {

    private final RecordLinkage linkage;

    LinkageApi(RecordLinkage linkage) {
        this.linkage = linkage;
    }

    @GetMapping("/hints")
    @Operation(summary = "The caller's organisation's clients with a hint: other organisations' names, own duplicates")
    List<ClientLinks> hints(@AuthenticationPrincipal ReachUser me) {
        return linkage.hints(me);
    }

    @GetMapping("/clients/{id}")
    @Operation(summary = "The hints about one client of the caller's organisation")
    ClientLinks client(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return linkage.linksOf(me, id);
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "A coordinator starts a linkage run of the programme; follow it at /api/jobs/{job}")
    Map<String, String> start(@AuthenticationPrincipal ReachUser me) {
        String job = linkage.startRun(me);
        return Map.of("job", job, "progress", "/api/jobs/" + job);
    }

    @GetMapping("/runs")
    @Operation(summary = "The programme's latest linkage runs (a coordinator's view: no client, no linked counts)")
    List<LinkageRun> runs(@AuthenticationPrincipal ReachUser me) {
        return linkage.runs(me);
    }
}
