package org.reach.rights;

import java.util.List;

/** One page of an organisation's reports, newest first. */
public record ViolenceReportPage(List<ViolenceReport> reports, int page, int size, long total) {
}
