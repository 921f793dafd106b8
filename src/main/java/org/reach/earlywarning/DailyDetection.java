package org.reach.earlywarning;

import java.time.Clock;
import java.time.LocalDate;

import org.reach.earlywarning.store.EarlyWarningStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the detectors for every organisation with drug reports once a day, when
 * {@code reach.earlywarning.detect-cron} is set (e.g. {@code 0 30 6 * * *}); tests and the demo leave it unset and
 * rely on the run that follows each report and on the managers' "run now".
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty("reach.earlywarning.detect-cron")
class DailyDetection {

    private final EarlyWarning earlyWarning;
    private final EarlyWarningStore store;
    private final Clock clock;

    DailyDetection(EarlyWarning earlyWarning, EarlyWarningStore store, Clock clock) {
        this.earlyWarning = earlyWarning;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(cron = "${reach.earlywarning.detect-cron}")
    void detectEverywhere() {
        LocalDate today = LocalDate.now(clock);
        for (long organisation : store.organisationsWithReports()) {
            earlyWarning.detect(organisation, today);
        }
    }
}
