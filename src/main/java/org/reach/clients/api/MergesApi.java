package org.reach.clients.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.clients.ClientMerge;
import org.reach.clients.ClientMerges;
import org.reach.clients.DuplicateReview;
import org.reach.platform.ReachUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
@Tag(name = "Client merges", description = "Possible duplicates inside the organisation, merging two records of one "
        + "person and undoing a merge (the organisation's manager)")
@SecurityRequirement(name = "token")
class MergesApi {

    /** Which record survives, which is merged into it, and why. */
    record MergeRequest(Long survivorId, Long mergedId, String reason) {
    }

    private final ClientMerges merges;

    MergesApi(ClientMerges merges) {
        this.merges = merges;
    }

    @GetMapping("/duplicates")
    @Operation(summary = "Possible duplicates of the organisation, highest score first, side by side")
    List<DuplicateReview> duplicates(@AuthenticationPrincipal ReachUser me) {
        return merges.reviewList(me);
    }

    @GetMapping("/merges")
    @Operation(summary = "The organisation's latest merges, newest first, undone ones included")
    List<ClientMerge> list(@AuthenticationPrincipal ReachUser me) {
        return merges.merges(me);
    }

    @PostMapping("/merges")
    @Operation(summary = "Merge one record into another of the same organisation, with a reason",
            description = "The survivor takes the merged record's encounters, referrals and other records; the merged "
                    + "record is hidden from lists and counts and its code opens the survivor. Undo with "
                    + "POST /api/clients/merges/{id}/undo.")
    ResponseEntity<ClientMerge> merge(@AuthenticationPrincipal ReachUser me, @RequestBody MergeRequest request) {
        ClientMerge merge = merges.merge(me, request.survivorId(), request.mergedId(), request.reason());
        return ResponseEntity.created(URI.create("/api/clients/merges/" + merge.id())).body(merge);
    }

    @PostMapping("/merges/{id}/undo")
    @Operation(summary = "Undo a merge: both records exactly as they were (refused when already undone)")
    ClientMerge undo(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return merges.undo(me, id);
    }
}
