package org.reach.outreach.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.outreach.HotspotNeed;
import org.reach.outreach.Microplans;
import org.reach.outreach.PeerMonth;
import org.reach.outreach.PlanEntry;
import org.reach.outreach.PlanForm;
import org.reach.platform.ReachUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/outreach")
@Tag(name = "Outreach microplan", description = "Peers on hotspots by day, hotspot needs against what was given, a peer's month")
@SecurityRequirement(name = "token")
class MicroplanApi {

    private final Microplans microplans;

    MicroplanApi(Microplans microplans) {
        this.microplans = microplans;
    }

    @GetMapping("/plan")
    @Operation(summary = "The weekly plan at the caller's sites: which peer covers which hotspot on which day")
    List<PlanEntry> plan(@AuthenticationPrincipal ReachUser me) {
        return microplans.plan(me);
    }

    @PostMapping("/plan")
    @Operation(summary = "Put a peer on a hotspot on a day of the week (organisation and site managers); a repeat changes nothing")
    ResponseEntity<PlanEntry> assign(@AuthenticationPrincipal ReachUser me, @RequestBody PlanForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(microplans.assign(me, form));
    }

    @DeleteMapping("/plan/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        microplans.remove(me, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/needs")
    @Operation(summary = "Per hotspot: syringes needed a month (people who inject x injections a day x 30) against "
            + "what sessions gave there in the last 30 days, and the gap")
    List<HotspotNeed> needs(@AuthenticationPrincipal ReachUser me) {
        return microplans.needs(me);
    }

    @GetMapping("/my-month")
    @Operation(summary = "A peer's own month so far: contacts against target, commodities given, caseload when known")
    PeerMonth month(@AuthenticationPrincipal ReachUser me) {
        return microplans.month(me);
    }
}
