package org.reach.rights;

/** The uuid of a report is already stored with different content: 409, never a second report. */
public class ViolenceReportConflict extends RuntimeException {

    public ViolenceReportConflict() {
        super("A report with this uuid was stored with different content");
    }
}
