package org.reach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.SignIn;
import org.reach.accounts.UserAccount;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "reach.demo.enabled=true")
class DemoDataIsCreatedOnceTest {

    @Autowired DemoData demo;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired DemoRar demoRar;
    @Autowired org.reach.rar.RapidAssessments rar;

    @Test
    void aSecondStartAddsNothing() {
        int organisations = directory.organisations(ReachUser.system()).size();
        int sites = directory.sites(ReachUser.system(), null).size();
        int people = accounts.list(ReachUser.system()).size();
        int assessments = rar.assessments(ReachUser.system()).size();

        demo.run(new DefaultApplicationArguments());
        demoRar.run(new DefaultApplicationArguments());

        assertThat(rar.assessments(ReachUser.system())).hasSize(assessments);

        assertThat(directory.organisations(ReachUser.system())).hasSize(organisations);
        assertThat(directory.sites(ReachUser.system(), null)).hasSize(sites);
        assertThat(accounts.list(ReachUser.system())).hasSize(people);
    }

    @Test
    void karachiAndMombasaHaveSitesWhereTheCitiesAre() {
        Organisation karachi = organisation("PK");
        Organisation mombasa = organisation("KE");
        List<Site> karachiSites = directory.sites(ReachUser.system(), karachi.id());
        List<Site> mombasaSites = directory.sites(ReachUser.system(), mombasa.id());
        assertThat(karachiSites).isNotEmpty().allSatisfy(site -> {
            assertThat(site.latitude()).isBetween(24.7, 25.1);
            assertThat(site.longitude()).isBetween(66.9, 67.3);
        });
        assertThat(mombasaSites).isNotEmpty().allSatisfy(site -> {
            assertThat(site.latitude()).isBetween(-4.15, -3.95);
            assertThat(site.longitude()).isBetween(39.55, 39.75);
        });
    }

    @Test
    void karachiHasARapidAssessmentWithHotspotsAcrossTheCityEstimatesAndRecommendations() {
        Organisation karachi = organisation("PK");
        org.reach.rar.Assessment assessment = rar.assessments(ReachUser.system()).stream()
                .filter(a -> a.organisationId() == karachi.id() && a.title().equals(DemoRar.TITLE)).findFirst().orElseThrow();
        var hotspots = rar.hotspots(ReachUser.system(), assessment.id());
        assertThat(hotspots).hasSizeBetween(35, 45).allSatisfy(h -> {
            assertThat(h.latitude()).isBetween(24.7, 25.1);
            assertThat(h.longitude()).isBetween(66.9, 67.3);
        });
        assertThat(hotspots.stream().map(org.reach.rar.Hotspot::district).distinct().count()).isGreaterThanOrEqualTo(8);
        var estimates = rar.estimates(ReachUser.system(), assessment.id());
        assertThat(estimates.hotspots()).allSatisfy(e -> assertThat(e.best()).isNotNull());
        assertThat(estimates.hotspots().stream().flatMap(e -> e.estimates().stream()).map(org.reach.rar.Estimate::method))
                .contains(org.reach.rar.Estimate.Method.values());
        assertThat(rar.recommendations(ReachUser.system(), assessment.id())).hasSize(9);
        assertThat(rar.codeCounts(ReachUser.system(), assessment.id())).allSatisfy(c -> assertThat(c.total()).isPositive());
    }

    @Test
    void everyRoleHasADemoAccountThatCanSignIn() {
        Set<String> demoNames = Set.of("admin", "coordinator", "karachi.manager", "karachi.site", "karachi.me",
                "karachi.peer", "mombasa.manager", "mombasa.peer");
        List<UserAccount> demoAccounts = accounts.list(ReachUser.system()).stream()
                .filter(a -> demoNames.contains(a.username())).toList();
        assertThat(demoAccounts).hasSize(demoNames.size());
        assertThat(demoAccounts.stream().flatMap(a -> a.roles().stream()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Role.class));
        assertThat(demoAccounts).allSatisfy(a -> {
            assertThat(a.passwordChangeRequired()).isFalse();
            assertThat(signIn.loadUserByUsername(a.username()).isEnabled()).isTrue();
        });
    }

    private Organisation organisation(String country) {
        return directory.organisations(ReachUser.system()).stream()
                .filter(o -> o.countryCode().equals(country) && o.programmeId() != null)
                .filter(o -> directory.programme(ReachUser.system(), o.programmeId()).name().equals(DemoData.PROGRAMME))
                .findFirst().orElseThrow();
    }
}
