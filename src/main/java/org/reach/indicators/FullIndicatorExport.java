package org.reach.indicators;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.platform.BackgroundJobs;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every indicator with every breakdown it allows, for one scope and period, as one XLSX workbook (a long
 * sheet and a read-me sheet) or one CSV file. It runs as a background job that reports how many indicator
 * tables are written and leaves the file on disk for the person who started it, until the job expires.
 * Suppressed for everyone exactly like the other exports: nobody gets exact small counts in a file.
 */
@Service
public class FullIndicatorExport {

    public static final String KIND = "indicator-export";

    private final Indicators indicators;
    private final IndicatorExports exports;
    private final BackgroundJobs jobs;
    private final AuditTrail audit;
    private final IndicatorExportLog exportLog;

    FullIndicatorExport(Indicators indicators, IndicatorExports exports, BackgroundJobs jobs, AuditTrail audit,
                        IndicatorExportLog exportLog) {
        this.exportLog = exportLog;
        this.indicators = indicators;
        this.exports = exports;
        this.jobs = jobs;
        this.audit = audit;
    }

    /**
     * Starts the export and answers the job's id at once; the scope must come from {@link Indicators#scope}.
     * The request is audited with its scope, period and format; each download of the file is audited again.
     */
    public String start(ReachUser actor, IndicatorScope scope, Period period, ExportFormat format, Locale locale) {
        if (!indicators.mayView(actor)) {
            throw new Forbidden("export indicators");
        }
        String id = jobs.start(actor, KIND, progress -> toFile(actor, scope, period, format, locale, progress));
        exportLog.exported(actor, IndicatorExportLog.EXPORT, scope, period, "all indicators, every breakdown (export " + id + ")",
                null, format.extension());
        return id;
    }

    /** The person's own export job; any other job, or someone else's, is not found. */
    public BackgroundJobs.JobStatus status(ReachUser actor, String id) {
        BackgroundJobs.JobStatus status = jobs.status(actor, id);
        if (!KIND.equals(status.kind())) {
            throw new NotFound("export", id);
        }
        return status;
    }

    /** The finished file for the person who started the export; every download is an audited export. */
    @Transactional
    public IndicatorExportFile download(ReachUser actor, String id) {
        BackgroundJobs.JobStatus status = status(actor, id);
        if (status.state() != BackgroundJobs.State.SUCCEEDED || !(status.result() instanceof IndicatorExportFile file)) {
            throw new NotReady(status);
        }
        // After a restart the result is read back from the job's row and its file is the job's own.
        Path path = status.file() != null ? status.file() : file.path();
        if (path == null || !Files.isReadable(path)) {
            throw new NotFound("export", id);
        }
        file = new IndicatorExportFile(file.fileName(), file.format(), file.bytes(), file.tables(), file.period(),
                file.organisationId(), path);
        audit.recordWrite(actor, file.organisationId(), AuditAction.EXPORT, "indicator_export", id,
                file.format().extension() + " " + file.period());
        return file;
    }

    /** A download asked for before the export finished, or of one that failed. */
    public static final class NotReady extends RuntimeException {
        private final transient BackgroundJobs.JobStatus status;

        NotReady(BackgroundJobs.JobStatus status) {
            super("export " + status.id() + " is " + status.state());
            this.status = status;
        }

        public BackgroundJobs.JobStatus status() {
            return status;
        }
    }

    /**
     * Writes the export to a stream in the calling thread. Each breakdown is computed once for all indicators
     * (one pass over the scope's records per breakdown, not per indicator and breakdown); a table is written as
     * soon as it is computed and only when its indicator allows the breakdown. Answers how many tables it wrote.
     */
    public int write(ReachUser actor, IndicatorScope scope, Period period, ExportFormat format, Locale locale,
                     OutputStream out, BackgroundJobs.Progress progress) {
        List<IndicatorDefinition> definitions = indicators.definitions(actor);
        progress.total(definitions.stream().mapToLong(FullIndicatorExport::breakdowns).sum());
        Locale previous = LocaleContextHolder.getLocale();
        // Category labels come from the indicators facade in the locale of the thread: the requester's.
        LocaleContextHolder.setLocale(locale);
        int written = 0;
        try (IndicatorExports.TableWriter writer = format == ExportFormat.CSV ? exports.csv(out, locale)
                : exports.xlsx(out, locale, new IndicatorExports.ReadMe(scope, period, indicators.today(), definitions))) {
            for (Disaggregation d : Disaggregation.values()) {
                for (IndicatorTable table : indicators.tables(actor, scope, period, d, false)) {
                    if (table.disaggregation() == d) {
                        writer.write(table);
                        written++;
                        progress.advance(1);
                    }
                }
            }
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        return written;
    }

    /** The breakdowns an indicator is exported with: the total alone, then each disaggregation it allows. */
    private static long breakdowns(IndicatorDefinition definition) {
        return 1 + definition.disaggregations().stream().filter(d -> d != Disaggregation.NONE).distinct().count();
    }

    private IndicatorExportFile toFile(ReachUser actor, IndicatorScope scope, Period period, ExportFormat format,
                                       Locale locale, BackgroundJobs.Progress progress) {
        Path file = null;
        try {
            file = progress.file(format.extension());
            int tables;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                tables = write(actor, scope, period, format, locale, out, progress);
            }
            return new IndicatorExportFile("indicators-" + period.code().replace("..", "_") + "." + format.extension(),
                    format, Files.size(file), tables, period.code(), scope.organisationId(), file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Deleted with its job when the job expires.
        }
    }
}
