package org.reach.indicators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an organisation's mapped, suppressed indicator values to a configured DHIS2 instance
 * ({@code POST /api/dataValueSets}, basic auth). A dry run asks DHIS2 what it would import without importing,
 * so a person always sees the summary before anything is written there.
 */
@Service
public class Dhis2Push {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Indicators indicators;
    private final AuditTrail audit;
    private final String url;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Dhis2Push(Indicators indicators, AuditTrail audit, @Value("${reach.dhis2.url:}") String url,
              @Value("${reach.dhis2.username:}") String username, @Value("${reach.dhis2.password:}") String password) {
        this.indicators = indicators;
        this.audit = audit;
        this.url = url.strip().replaceAll("/+$", "");
        this.username = username;
        this.password = password;
    }

    /** What DHIS2 answered, or NOT_CONFIGURED when no DHIS2 address is set (nothing was sent). */
    public record ImportSummary(boolean dryRun, String status, int sent, int withheld, int imported, int updated,
                                int ignored, int deleted, List<String> conflicts, List<DataValueSet.LeftOut> leftOut) {

        public ImportSummary {
            conflicts = List.copyOf(conflicts);
            leftOut = List.copyOf(leftOut);
        }

        public boolean configured() {
            return !"NOT_CONFIGURED".equals(status);
        }
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    public boolean mayPush(ReachUser actor, IndicatorScope scope) {
        return indicators.mayEdit(actor) && scope.organisationIds().size() == 1
                && actor.isMemberOf(scope.organisationIds().get(0));
    }

    @Transactional
    public ImportSummary push(ReachUser actor, IndicatorScope scope, Period period, boolean dryRun) {
        if (!mayPush(actor, scope)) {
            throw new Forbidden("send indicators to DHIS2");
        }
        DataValueSet set = indicators.dataValueSet(actor, scope, period);
        if (!configured()) {
            return new ImportSummary(dryRun, "NOT_CONFIGURED", 0, set.withheld(), 0, 0, 0, 0, List.of(), set.leftOut());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/dataValueSets?dryRun=" + dryRun
                        + "&importStrategy=CREATE_AND_UPDATE"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(set.payload()))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw InvalidInput.of("dhis2", "indicators.dhis2.unreachable");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw InvalidInput.of("dhis2", "indicators.dhis2.unreachable");
        }
        // DHIS2 answers 409 with the same summary when some values conflict; anything else is a failure.
        if (response.statusCode() != 200 && response.statusCode() != 201 && response.statusCode() != 409) {
            throw InvalidInput.of("dhis2", "indicators.dhis2.failed", response.statusCode());
        }
        ImportSummary summary = summary(dryRun, set, response.body());
        audit.recordWrite(actor, scope.organisationIds().get(0), AuditAction.EXPORT, "dhis2", null,
                (dryRun ? "dry run of " : "") + set.dataValues().size() + " values for " + period.dhis2() + ": "
                        + summary.status());
        return summary;
    }

    private static ImportSummary summary(boolean dryRun, DataValueSet set, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            throw InvalidInput.of("dhis2", "indicators.dhis2.unreadable");
        }
        // Newer DHIS2 versions wrap the import summary in "response"; older ones answer with it directly.
        JsonNode summary = root.has("response") ? root.get("response") : root;
        JsonNode counts = summary.path("importCount");
        List<String> conflicts = new ArrayList<>();
        for (JsonNode conflict : summary.path("conflicts")) {
            conflicts.add(conflict.path("object").asText("") + ": " + conflict.path("value").asText(""));
        }
        return new ImportSummary(dryRun, summary.path("status").asText("UNKNOWN"), set.dataValues().size(), set.withheld(),
                counts.path("imported").asInt(0), counts.path("updated").asInt(0), counts.path("ignored").asInt(0),
                counts.path("deleted").asInt(0), conflicts, set.leftOut());
    }
}
