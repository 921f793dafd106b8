package org.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.ProviderType;
import org.reach.services.ReferralForm;
import org.reach.services.Referrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded database keeps working after the pool has retired the connections that created its schema
 * (H2 2.4.240 closed the database about 30 minutes after a fresh start, when check constraints were used from a
 * later connection). On a new H2 file database like the embedded profile's, the pool retires every connection it
 * holds again and again, as it does when their lifetime ends (the shortest lifetime it allows is 30 s, so waiting for
 * it took 75 s of the suite), while clients and referrals are registered all along from the connections that follow.
 */
@SpringBootTest
@DirtiesContext
// It builds its own H2 database whatever the suite runs on, so the PostgreSQL run would only repeat the H2 run.
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*")
class TheEmbeddedDatabaseOutlivesItsPoolConnectionsTest {

    private static final int RETIREMENTS = 12;

    @DynamicPropertySource
    static void freshFileDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("reach-h2-pool");
        // Deliberately H2 whatever the suite runs on: the defect is H2's.
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("reach")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("reach.files.dir", () -> dir.resolve("files").toString());
    }

    @Autowired Clock clock;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired Referrals referrals;
    @Autowired DataSource dataSource;

    @Test
    void registeringClientsAndReferralsWorksAcrossSeveralPoolLifetimes() throws Exception {
        ProgrammeFixture world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(42);
        List<String> failures = new ArrayList<>();
        int registered = 0;
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        for (int round = 0; round < RETIREMENTS * 4; round++) {
            if (round % 4 == 0) {
                // every connection is closed once it is idle and later requests get new ones, as at the end of a lifetime
                pool.softEvictConnections();
            }
            String code = "" + letter(random) + letter(random) + letter(random) + letter(random) + "M" + (10 + random.nextInt(90));
            try {
                RegistrationOutcome outcome = clients.register(peer, new ClientRegistration(null, code, Gender.MALE, 1985,
                        Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING, world.homeSite.id(),
                        null, null, today.minusDays(1), null, null, null));
                if (outcome.client() != null) {
                    referrals.refer(peer, new ReferralForm(outcome.client().id(), null, ProviderType.ART_CLINIC,
                            "Civil Hospital", null, today));
                    registered++;
                }
            } catch (RuntimeException failure) {
                failures.add(code + ": " + failure);
            }
            Thread.sleep(100);
        }
        assertThat(failures).as("registrations or referrals that failed").isEmpty();
        assertThat(registered).as("clients registered and referred").isGreaterThan(RETIREMENTS * 3);
    }

    private static char letter(Random random) {
        return (char) ('A' + random.nextInt(26));
    }
}
