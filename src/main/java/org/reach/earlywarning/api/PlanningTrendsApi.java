package org.reach.earlywarning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.earlywarning.PlanningTrends;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Early warning", description = "Drug reports (idempotent by client-made uuid), weekly series and alerts")
@SecurityRequirement(name = "token")
class PlanningTrendsApi {

    private final PlanningTrends trends;

    PlanningTrendsApi(PlanningTrends trends) {
        this.trends = trends;
    }

    @GetMapping("/api/earlywarning/trends")
    @Operation(summary = "Trends for planning over the last complete quarters (1 to 12, default 4): shares of new "
            + "clients by primary drug and route (suppressed like every indicator), price per unit by substance "
            + "(quartiles; quarters with fewer than 5 priced reports hidden) and next quarter's commodity needs "
            + "with 80 % and 95 % intervals")
    PlanningTrends.View trends(@AuthenticationPrincipal ReachUser me,
                               @RequestParam(defaultValue = "" + PlanningTrends.DEFAULT_QUARTERS) int quarters) {
        return trends.view(me, quarters);
    }
}
