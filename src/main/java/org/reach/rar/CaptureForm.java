package org.reach.rar;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

public record CaptureForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstRound,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate secondRound,
                          Integer marked, Integer secondSample, Integer recaptured) {
}
