package org.reach.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.reach.accounts.SignIn;
import org.reach.indicators.Denominator;
import org.reach.indicators.DenominatorForm;
import org.reach.indicators.Indicators;
import org.reach.platform.ReachUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Size estimates for this year and last, so the coverage indicators of the demo have denominators. */
@Component
@Order(30)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoIndicators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIndicators.class);
    /** M&E officer or manager, area, people who inject drugs, opioid-dependent people. */
    private static final Map<String, Object[]> ESTIMATES = Map.of(
            "karachi.me", new Object[] {"Karachi South", 1500, 900},
            "mombasa.manager", new Object[] {"Mombasa Island", 800, 400});

    private final SignIn signIn;
    private final Indicators indicators;
    private final Clock clock;

    DemoIndicators(SignIn signIn, Indicators indicators, Clock clock) {
        this.signIn = signIn;
        this.indicators = indicators;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = LocalDate.now(clock).getYear();
        ESTIMATES.forEach((username, estimate) -> {
            ReachUser officer;
            try {
                officer = signIn.loadUserByUsername(username);
            } catch (UsernameNotFoundException missing) {
                return;
            }
            var existing = indicators.denominators(officer, indicators.scope(officer, null, null, null));
            for (int y = year - 1; y <= year; y++) {
                int estimateYear = y;
                if (existing.stream().anyMatch(d -> d.year() == estimateYear)) {
                    continue;
                }
                indicators.saveDenominator(officer, new DenominatorForm(null, Denominator.Population.PEOPLE_WHO_INJECT_DRUGS,
                        (String) estimate[0], y, (Integer) estimate[1], "Demo size estimate"));
                indicators.saveDenominator(officer, new DenominatorForm(null, Denominator.Population.OPIOID_DEPENDENT,
                        (String) estimate[0], y, (Integer) estimate[2], "Demo size estimate"));
            }
            log.info("Demo size estimates for {} entered.", username);
        });
    }
}
