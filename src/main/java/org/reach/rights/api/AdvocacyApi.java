package org.reach.rights.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.ReachUser;
import org.reach.rights.AdvocacyReport;
import org.reach.rights.ViolenceAdvocacy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Violence advocacy report", description = "Suppressed counts of violence and rights violations by type, "
        + "perpetrator, month and city; aggregates only")
@SecurityRequirement(name = "token")
class AdvocacyApi {

    private final ViolenceAdvocacy advocacy;

    AdvocacyApi(ViolenceAdvocacy advocacy) {
        this.advocacy = advocacy;
    }

    @GetMapping("/api/rights/advocacy")
    @Operation(summary = "The advocacy report of a month, quarter or year that has ended (default: the last quarter)",
            description = "Coordinators get their programme, organisation managers and protection focal persons their "
                    + "organisation. Counts of 1 to 4 show as \"<5\", counts hidden with them as \"*\".")
    AdvocacyReport report(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period) {
        return advocacy.report(me, advocacy.period(me, period));
    }
}
