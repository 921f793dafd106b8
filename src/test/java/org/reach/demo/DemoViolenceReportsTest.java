package org.reach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.reach.accounts.SignIn;
import org.reach.indicators.IndicatorQuery;
import org.reach.indicators.Period;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rights.AdvocacyCell;
import org.reach.rights.AdvocacyReport;
import org.reach.rights.ViolenceAdvocacy;
import org.reach.rights.ViolenceReports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo's year of Karachi violence reports: police the main perpetrator, most answered within 24 hours, one past
 * its clock waiting on the protection focal person's start page; loaded once.
 */
@SpringBootTest(properties = "reach.demo.enabled=true")
class DemoViolenceReportsTest {

    @Autowired SignIn signIn;
    @Autowired ViolenceReports reports;
    @Autowired ViolenceAdvocacy advocacy;
    @Autowired DemoRights demo;

    @Test
    void aYearOfKarachiReportsDominatedByPoliceMostAnsweredInTimeLoadedOnce() throws Exception {
        ReachUser officer = signIn.loadUserByUsername(DemoRights.PROTECTION_OFFICER);
        assertThat(officer.roles()).containsExactly(Role.PROTECTION_OFFICER);
        long count = reports.count(officer);
        assertThat(count).isGreaterThan(80);
        assertThat(reports.waiting(officer).overdue()).isPositive();

        demo.run(null);
        assertThat(reports.count(officer)).as("a restart adds nothing").isEqualTo(count);

        AdvocacyReport report = advocacy.report(officer, previousQuarter());
        AdvocacyCell top = report.byPerpetrator().stream()
                .max(Comparator.comparingLong(c -> c.hidden() ? 0 : Long.parseLong(c.count()))).orElseThrow();
        assertThat(top.category()).isEqualTo("POLICE");
        assertThat(report.respondedShare()).isGreaterThan(70.0);
    }

    /** The quarter before the last complete one: wholly inside the demo's year. */
    private static Period previousQuarter() {
        Period last = IndicatorQuery.lastCompleteQuarter(LocalDate.now(ZoneOffset.UTC));
        return IndicatorQuery.lastCompleteQuarter(last.start());
    }
}
