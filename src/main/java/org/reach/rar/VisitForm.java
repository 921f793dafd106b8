package org.reach.rar;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

public record VisitForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn, TimeOfDay timeOfDay,
                        Integer total, Integer injecting, Integer nonInjecting, Integer women, Integer youth,
                        Integer transgender) {
}
