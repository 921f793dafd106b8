package org.reach.indicators.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.indicators.DataValueSet;
import org.reach.indicators.Dhis2Push;
import org.reach.indicators.Denominator;
import org.reach.indicators.DenominatorForm;
import org.reach.indicators.Dhis2Mapping;
import org.reach.indicators.Dhis2MappingForm;
import org.reach.indicators.OwnIndicator;
import org.reach.indicators.OwnIndicatorForm;
import org.reach.indicators.ExportFormat;
import org.reach.indicators.FullIndicatorExport;
import org.reach.indicators.IndicatorExportFile;
import org.reach.indicators.IndicatorExportLog;
import org.reach.indicators.IndicatorDefinition;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.IndicatorScope;
import org.reach.indicators.IndicatorTable;
import org.reach.indicators.Indicators;
import org.reach.indicators.Period;
import org.reach.indicators.Trend;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Indicator definitions and values (always small-cell suppressed), the full export as a background job, size
 * estimates and the DHIS2 export.
 */
@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Indicators", description = "Indicator definitions, suppressed values, size estimates and DHIS2 export")
@SecurityRequirement(name = "token")
class IndicatorsApi {

    private final Indicators indicators;
    private final Dhis2Push push;
    private final FullIndicatorExport fullExport;
    private final MessageSource messages;
    private final IndicatorExportLog exportLog;

    IndicatorsApi(Indicators indicators, Dhis2Push push, FullIndicatorExport fullExport, MessageSource messages,
                  IndicatorExportLog exportLog) {
        this.exportLog = exportLog;
        this.push = push;
        this.indicators = indicators;
        this.fullExport = fullExport;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The indicator definitions: numerator, denominator, unit, disaggregations, bands, source")
    List<IndicatorDefinition> definitions(@AuthenticationPrincipal ReachUser me) {
        return indicators.definitions(me);
    }

    @GetMapping("/values")
    @Operation(summary = "One indicator for a scope and period (2026-04, 2026Q2, 2026 or 2026-01-01..2026-02-15), "
            + "broken down by a disaggregation; counts of 1 to 4 are returned as \"<5\", complementary cells as \"*\"")
    IndicatorTable values(@AuthenticationPrincipal ReachUser me, @RequestParam String indicator,
                          @RequestParam(required = false) String period,
                          @RequestParam(required = false) String disaggregation,
                          @RequestParam(required = false) Long organisationId,
                          @RequestParam(required = false) Long programmeId, @RequestParam(required = false) Long siteId) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        return indicators.table(me, scope, indicator, IndicatorQuery.period(period, indicators.today()),
                IndicatorQuery.disaggregation(disaggregation), false);
    }

    @GetMapping("/all")
    @Operation(summary = "Every indicator for a scope and period, suppressed")
    List<IndicatorTable> all(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                             @RequestParam(required = false) String disaggregation,
                             @RequestParam(required = false) Long organisationId,
                             @RequestParam(required = false) Long programmeId, @RequestParam(required = false) Long siteId) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        return indicators.tables(me, scope, IndicatorQuery.period(period, indicators.today()),
                IndicatorQuery.disaggregation(disaggregation), false);
    }

    @GetMapping("/trend")
    @Operation(summary = "One indicator month by month within a period, suppressed")
    Trend trend(@AuthenticationPrincipal ReachUser me, @RequestParam String indicator,
                @RequestParam(required = false) String period, @RequestParam(required = false) Long organisationId,
                @RequestParam(required = false) Long programmeId, @RequestParam(required = false) Long siteId) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        return indicators.trend(me, scope, indicator, IndicatorQuery.period(period, indicators.today()), false);
    }

    @GetMapping("/denominators")
    @Operation(summary = "Size estimates entered for the scope")
    List<Denominator> denominators(@AuthenticationPrincipal ReachUser me,
                                   @RequestParam(required = false) Long organisationId,
                                   @RequestParam(required = false) Long programmeId) {
        return indicators.denominators(me, indicators.scope(me, organisationId, programmeId, null));
    }

    @PostMapping("/denominators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter or replace a size estimate of the caller's organisation (managers, M&E officers)")
    Denominator saveDenominator(@AuthenticationPrincipal ReachUser me, @RequestBody DenominatorForm form) {
        return indicators.saveDenominator(me, form);
    }

    @GetMapping("/own")
    @Operation(summary = "The own indicators of an organisation (defined over its services)")
    List<OwnIndicator> ownIndicators(@AuthenticationPrincipal ReachUser me,
                                     @RequestParam(required = false) Long organisationId) {
        return indicators.ownIndicators(me, indicators.scope(me, organisationId, null, null));
    }

    @PostMapping("/own")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an indicator over a service of the caller's organisation (managers, M&E officers)")
    OwnIndicator defineOwnIndicator(@AuthenticationPrincipal ReachUser me, @RequestBody OwnIndicatorForm form) {
        return indicators.defineOwnIndicator(me, form);
    }

    @PostMapping("/own/{id}/retire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop showing an own indicator of the caller's organisation")
    void retireOwnIndicator(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        indicators.retireOwnIndicator(me, id);
    }

    @GetMapping("/dhis2-mappings")
    @Operation(summary = "The DHIS2 mappings of the scope")
    List<Dhis2Mapping> mappings(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long organisationId) {
        return indicators.mappings(me, indicators.scope(me, organisationId, null, null));
    }

    @PostMapping("/dhis2-mappings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Map an indicator (and a category of a disaggregation, or TOTAL) to a DHIS2 data element")
    Dhis2Mapping saveMapping(@AuthenticationPrincipal ReachUser me, @RequestBody Dhis2MappingForm form) {
        return indicators.saveMapping(me, form);
    }

    @GetMapping("/dhis2")
    @Operation(summary = "DHIS2 dataValueSets payload for one organisation and a month, quarter or year; "
            + "suppressed values are withheld")
    ResponseEntity<Map<String, List<DataValueSet.DataValue>>> dhis2(@AuthenticationPrincipal ReachUser me,
                                                                   @RequestParam(required = false) String period,
                                                                   @RequestParam(required = false) Long organisationId) {
        IndicatorScope scope = indicators.scope(me, organisationId, null, null);
        Period p = IndicatorQuery.period(period, indicators.today());
        DataValueSet set = indicators.dataValueSet(me, scope, p);
        exportLog.exported(me, IndicatorExportLog.EXPORT, scope, p,
                "DHIS2 payload of " + set.dataValues().size() + " values (" + set.withheld() + " withheld)", null, "json");
        return ResponseEntity.ok().header("X-Reach-Withheld", String.valueOf(set.withheld())).body(set.payload());
    }

    @PostMapping("/dhis2/push")
    @Operation(summary = "Send the DHIS2 payload to the configured DHIS2 instance; a dry run (the default) shows "
            + "DHIS2's import summary without importing")
    Dhis2Push.ImportSummary push(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                                 @RequestParam(required = false) Long organisationId,
                                 @RequestParam(defaultValue = "true") boolean dryRun) {
        IndicatorScope scope = indicators.scope(me, organisationId, null, null);
        return push.push(me, scope, IndicatorQuery.period(period, indicators.today()), dryRun);
    }

    /** Where a full export stands; {@code file} is where to download it once it has succeeded. */
    record ExportStatus(String id, BackgroundJobs.State state, long done, long total, int percent, Instant expires,
                        String fileName, Long bytes, String file, String error) {
    }

    @PostMapping("/exports")
    @Operation(summary = "Start the full export: every indicator with every breakdown it allows, for a scope and "
            + "period, as XLSX (a long sheet and a read-me sheet) or CSV, always suppressed",
            description = "Answers 202 with the export's status and its address in Location. Poll that address: "
                    + "done and total count indicator tables. When state is SUCCEEDED, GET file downloads the result; "
                    + "only the person who started the export can, until expires.")
    ResponseEntity<ExportStatus> startExport(@AuthenticationPrincipal ReachUser me,
                                             @RequestParam(required = false) String period,
                                             @RequestParam(required = false) String format,
                                             @RequestParam(required = false) Long organisationId,
                                             @RequestParam(required = false) Long programmeId,
                                             @RequestParam(required = false) Long siteId, Locale locale) {
        IndicatorScope scope = indicators.scope(me, organisationId, programmeId, siteId);
        Period p = IndicatorQuery.period(period, indicators.today());
        String id = fullExport.start(me, scope, p, ExportFormat.parse(format), locale);
        return ResponseEntity.accepted().location(URI.create("/api/indicators/exports/" + id))
                .body(exportStatus(fullExport.status(me, id), locale));
    }

    @GetMapping("/exports/{id}")
    @Operation(summary = "How far a full export of the caller's has got")
    ExportStatus export(@AuthenticationPrincipal ReachUser me, @PathVariable String id, Locale locale) {
        return exportStatus(fullExport.status(me, id), locale);
    }

    @GetMapping("/exports/{id}/file")
    @Operation(summary = "Download a finished full export of the caller's; 409 while it is still running or if it failed")
    ResponseEntity<Resource> exportFile(@AuthenticationPrincipal ReachUser me, @PathVariable String id) {
        IndicatorExportFile file = fullExport.download(me, id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build()
                        .toString())
                .contentType(MediaType.parseMediaType(file.contentType())).contentLength(file.bytes())
                .body(new FileSystemResource(file.path()));
    }

    @ExceptionHandler(FullIndicatorExport.NotReady.class)
    ResponseEntity<ProblemDetail> notReady(FullIndicatorExport.NotReady notReady, Locale locale) {
        BackgroundJobs.JobStatus status = notReady.status();
        String key = status.state() == BackgroundJobs.State.FAILED ? status.errorKey() : "indicators.export.notReady";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(key, null, key, locale));
        problem.setType(URI.create("urn:reach:problem:export-not-ready"));
        problem.setTitle(messages.getMessage("indicators.export.notReady.title", null, "Not ready", locale));
        problem.setProperty("state", status.state());
        problem.setProperty("export", "/api/indicators/exports/" + status.id());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ExportStatus exportStatus(BackgroundJobs.JobStatus status, Locale locale) {
        IndicatorExportFile file = status.state() == BackgroundJobs.State.SUCCEEDED
                && status.result() instanceof IndicatorExportFile f ? f : null;
        String error = status.state() == BackgroundJobs.State.FAILED
                ? messages.getMessage(status.errorKey(), null, status.errorKey(), locale) : null;
        return new ExportStatus(status.id(), status.state(), status.done(), status.total(), status.percent(),
                status.expires(), file == null ? null : file.fileName(), file == null ? null : file.bytes(),
                file == null ? null : "/api/indicators/exports/" + status.id() + "/file", error);
    }
}
