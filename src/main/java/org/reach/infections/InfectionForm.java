package org.reach.infections;

import java.time.LocalDate;

/**
 * A record as sent by a page or a device: the client by id or by code, a uuid made by the sender so a repeated
 * submission is stored once, the kind, its date and the coded answers the kind takes.
 *
 * @param viralLoad HCV RNA in IU/mL, only with a detected RNA result
 */
public record InfectionForm(String uuid, Long clientId, String clientCode, InfectionKind kind, LocalDate date,
                            String result, String detail, Long viralLoad, String treatment, String antibiotics,
                            LocalDate followUpOn, String notes) {
}
