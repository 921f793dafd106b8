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
    @Autowired DemoEncounters demoEncounters;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aSecondStartAddsNothing() {
        int organisations = directory.organisations(ReachUser.system()).size();
        int sites = directory.sites(ReachUser.system(), null).size();
        int people = accounts.list(ReachUser.system()).size();
        long encounters = encounters();

        demo.run(new DefaultApplicationArguments());
        demoEncounters.run(new DefaultApplicationArguments());

        assertThat(directory.organisations(ReachUser.system())).hasSize(organisations);
        assertThat(directory.sites(ReachUser.system(), null)).hasSize(sites);
        assertThat(accounts.list(ReachUser.system())).hasSize(people);
        assertThat(encounters()).isGreaterThanOrEqualTo(120).isEqualTo(encounters);
    }

    private long encounters() {
        return jdbc.sql("SELECT COUNT(*) FROM encounters").query(Long.class).single();
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
