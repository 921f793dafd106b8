package org.reach.services;

import java.io.ByteArrayInputStream;

import org.reach.platform.BackgroundJobs;
import org.reach.platform.ReachUser;
import org.reach.platform.Table;
import org.reach.platform.TableReader;
import org.springframework.stereotype.Service;

/**
 * Imports an existing encounter list (CSV or XLSX, one row per service given) in the background. Every row
 * is checked first; nothing is imported unless every row is valid, and the report names each bad row,
 * column and reason.
 */
@Service
public class EncounterImport {

    public static final String KIND = "encounter-import";

    private final BackgroundJobs jobs;
    private final EncounterImportWork work;

    EncounterImport(BackgroundJobs jobs, EncounterImportWork work) {
        this.jobs = jobs;
        this.work = work;
    }

    /** Reads the file now (so an unreadable file is refused at once) and starts the import; returns the job id. */
    public String start(ReachUser actor, String filename, byte[] content) {
        ServiceAccess.requireRecorder(actor, "import encounters");
        Table table = TableReader.read(filename, new ByteArrayInputStream(content));
        return jobs.start(actor, KIND, progress -> work.importTable(actor, table, progress));
    }

    /** Runs an import in the calling thread; used by the background job and by tests. */
    public ImportReport importNow(ReachUser actor, Table table) {
        return work.importTable(actor, table, new BackgroundJobs.Progress() {
            @Override
            public void total(long total) {
            }

            @Override
            public void advance(long done) {
            }
        });
    }
}
