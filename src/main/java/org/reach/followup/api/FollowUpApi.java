package org.reach.followup.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.followup.Arrival;
import org.reach.followup.ContactRhythm;
import org.reach.followup.ContactRhythmForm;
import org.reach.followup.ContactRhythms;
import org.reach.followup.ArrivalForm;
import org.reach.followup.Detention;
import org.reach.followup.DetentionForm;
import org.reach.followup.Detentions;
import org.reach.followup.FlowTable;
import org.reach.followup.FollowUp;
import org.reach.followup.Movements;
import org.reach.followup.PartnerService;
import org.reach.followup.PartnerServiceForm;
import org.reach.followup.PeerAssignmentForm;
import org.reach.followup.ReleaseForm;
import org.reach.followup.SentTransfer;
import org.reach.followup.Tracing;
import org.reach.followup.TracingAttempt;
import org.reach.followup.TracingForm;
import org.reach.followup.TransferForm;
import org.reach.followup.Transfers;
import org.reach.followup.Worklist;
import org.reach.platform.ReachUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/followup")
@Tag(name = "Follow-up", description = "Worklists, tracing, detentions, transfers between organisations, partner directory, flows")
@SecurityRequirement(name = "token")
class FollowUpApi {

    private final FollowUp followUp;
    private final Tracing tracing;
    private final Detentions detentions;
    private final Transfers transfers;
    private final Movements movements;
    private final ContactRhythms rhythms;

    FollowUpApi(FollowUp followUp, Tracing tracing, Detentions detentions, Transfers transfers, Movements movements,
                ContactRhythms rhythms) {
        this.followUp = followUp;
        this.tracing = tracing;
        this.detentions = detentions;
        this.transfers = transfers;
        this.movements = movements;
        this.rhythms = rhythms;
    }

    @GetMapping("/worklist")
    @Operation(summary = "Today's people due for contact, ordered by risk: a peer's own, a site's, or the organisation's")
    Worklist worklist(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long site) {
        return followUp.worklist(me, site);
    }

    @GetMapping("/contact-rhythm")
    @Operation(summary = "Every how many days the caller's organisation aims to see people who inject and everybody else")
    ContactRhythm contactRhythm(@AuthenticationPrincipal ReachUser me) {
        return rhythms.rhythm(me);
    }

    @PutMapping("/contact-rhythm")
    @Operation(summary = "Set the organisation's contact rhythm (organisation managers): whole days, 1 to 365 each")
    ContactRhythm changeContactRhythm(@AuthenticationPrincipal ReachUser me, @RequestBody ContactRhythmForm form) {
        return rhythms.change(me, form);
    }

    @GetMapping("/assignments")
    Map<Long, Long> assignments(@AuthenticationPrincipal ReachUser me) {
        return followUp.assignments(me);
    }

    @PostMapping("/assignments")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Assign a client to a peer where the registry names none; a null peer removes it")
    void assign(@AuthenticationPrincipal ReachUser me, @RequestBody PeerAssignmentForm form) {
        followUp.assign(me, form);
    }

    @GetMapping("/tracing")
    List<TracingAttempt> attempts(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return tracing.attempts(me, client, from);
    }

    @PostMapping("/tracing")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a tracing attempt; 'found and returned' is a contact, 'in prison' opens a detention")
    TracingAttempt trace(@AuthenticationPrincipal ReachUser me, @RequestBody TracingForm form) {
        return tracing.record(me, form);
    }

    @GetMapping("/detentions")
    List<Detention> detentions(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client,
                               @RequestParam(defaultValue = "false") boolean open) {
        return detentions.list(me, client, open);
    }

    @PostMapping("/detentions")
    @ResponseStatus(HttpStatus.CREATED)
    Detention detain(@AuthenticationPrincipal ReachUser me, @RequestBody DetentionForm form) {
        return detentions.open(me, form);
    }

    @GetMapping("/detentions/{id}")
    Detention detention(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return detentions.detention(me, id);
    }

    @PostMapping("/detentions/{id}/release")
    Detention release(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ReleaseForm form) {
        return detentions.release(me, id, form);
    }

    @GetMapping("/transfers")
    List<SentTransfer> sent(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long client) {
        return transfers.sent(me, client);
    }

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Transfer or refer a client to another organisation of the programme, with consent and the fields shared")
    SentTransfer send(@AuthenticationPrincipal ReachUser me, @RequestBody TransferForm form) {
        return transfers.send(me, form);
    }

    @GetMapping("/arrivals")
    @Operation(summary = "Transfers to the caller's organisation, with only the fields each client consented to share")
    List<Arrival> arrivals(@AuthenticationPrincipal ReachUser me) {
        return transfers.arrivals(me);
    }

    @GetMapping("/arrivals/{id}")
    Arrival arrival(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return transfers.arrival(me, id);
    }

    @PostMapping("/arrivals/{id}/confirm")
    Arrival confirm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ArrivalForm form) {
        return transfers.confirm(me, id, form);
    }

    @PostMapping("/arrivals/{id}/no-show")
    Arrival noShow(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody NoShow body) {
        return transfers.noShow(me, id, body.date());
    }

    record NoShow(LocalDate date) {
    }

    @GetMapping("/directory")
    List<PartnerService> directory(@AuthenticationPrincipal ReachUser me) {
        return transfers.directory(me);
    }

    @PostMapping("/directory")
    @Operation(summary = "Describe one of the caller's organisation's sites in the programme's partner directory")
    PartnerService describe(@AuthenticationPrincipal ReachUser me, @RequestBody PartnerServiceForm form) {
        return transfers.describe(me, form);
    }

    @GetMapping("/flows")
    @Operation(summary = "People moving between cities in a quarter, small counts suppressed (coordinators)")
    FlowTable flows(@AuthenticationPrincipal ReachUser me, @RequestParam int year, @RequestParam int quarter) {
        return movements.flows(me, year, quarter);
    }
}
