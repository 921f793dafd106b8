package org.reach.services;

import java.time.LocalDate;

/** One service given to a named client on a day, as follow-up lists read it (OAT dispensed, a test and its result). */
public record ClientService(long clientId, LocalDate date, String code, int quantity, TestResult result, Boolean linked) {
}
