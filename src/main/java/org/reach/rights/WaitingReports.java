package org.reach.rights;

/** How many open reports of an organisation have no response yet: past the 24-hour clock, and still within it. */
public record WaitingReports(long overdue, long due) {
}
