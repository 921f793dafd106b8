package org.reach.earlywarning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An alarm of the detectors turned into something to act on: the series and city, the week, the count and the
 * threshold it exceeded, which detectors alarmed, and the evidence (the series and its threshold, week by week).
 */
public record Alert(long id, long organisationId, String series, String city, LocalDate weekStart, int observed,
                    double threshold, List<String> detectors, Severity severity, AlertStatus status, Evidence evidence,
                    Instant raisedAt, Instant acknowledgedAt, String acknowledgeNote, Instant closedAt,
                    String closeNote) {

    /** The weeks before and including the alert's, with the count and the lead detector's upper bound (or null). */
    public record Evidence(String detector, List<String> weeks, List<Integer> observed, List<Double> threshold) {
    }
}
