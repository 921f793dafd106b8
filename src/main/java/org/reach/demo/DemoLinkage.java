package org.reach.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.RegistrationOutcome;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few people who moved between the two port cities: Karachi clients who later came to the Mombasa drop-in centre
 * and were registered there from the code card they carried. Registration links them at once (record linkage), so
 * both organisations see "probably also known at" and the coordinator's indicators count people served by two
 * organisations and moves between cities. Nothing is added when Mombasa already knows any of them.
 */
@Component
@Order(7)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoLinkage implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLinkage.class);
    private static final int MOVED = 6;

    private final ClientRegistry registry;
    private final SignIn signIn;
    private final Clock clock;

    DemoLinkage(ClientRegistry registry, SignIn signIn, Clock clock) {
        this.registry = registry;
        this.signIn = signIn;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<DemoManagers> managers = DemoManagers.signIn(signIn);
        if (managers.isEmpty()) {
            return;
        }
        ReachUser karachi = managers.get().karachi();
        ReachUser mombasa = managers.get().mombasa();
        List<Client> movers = registry.search(karachi, new ClientSearch(null, null, null, null), 0, 40).clients()
                .stream().filter(c -> c.birthYear() != null && c.gender() != null).limit(MOVED).toList();
        if (movers.isEmpty() || movers.stream().anyMatch(c -> registry.findByUic(mombasa, c.uic()).isPresent())) {
            return;
        }
        List<Site> sites = registry.enrolmentSites(mombasa);
        LocalDate today = LocalDate.now(clock);
        int registered = 0;
        for (int i = 0; i < movers.size(); i++) {
            Client mover = movers.get(i);
            Site site = sites.get(i % sites.size());
            ClientRegistration registration = new ClientRegistration(null, mover.uic(), mover.gender(),
                    mover.birthYear(), mover.keyPopulations(), mover.primaryDrug(), mover.secondaryDrug(), mover.route(),
                    site.id(), "Old Town alleys", null, today.minusDays(10 + 7L * i), null, null, null);
            RegistrationOutcome outcome = registry.register(mombasa, registration);
            if (outcome.kind() == RegistrationOutcome.Kind.NEEDS_DECISION) {
                outcome = registry.register(mombasa, new ClientRegistration(null, mover.uic(), mover.gender(),
                        mover.birthYear(), mover.keyPopulations(), mover.primaryDrug(), mover.secondaryDrug(),
                        mover.route(), site.id(), "Old Town alleys", null, today.minusDays(10 + 7L * i), null,
                        DuplicateDecision.REJECTED_DIFFERENT, null));
            }
            if (outcome.kind() == RegistrationOutcome.Kind.CREATED) {
                registered++;
            }
        }
        log.info("Demo linkage: {} Karachi clients registered again in Mombasa.", registered);
    }
}
