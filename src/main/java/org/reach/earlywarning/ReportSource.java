package org.reach.earlywarning;

/** Who told: a client, a peer, staff, a police seizure report or a drug-checking result. */
public enum ReportSource { CLIENT, PEER, STAFF, SEIZURE_REPORT, DRUG_CHECKING }
