package org.reach.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.reach.accounts.SignIn;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.reach.services.BatchResult;
import org.reach.services.EncounterBatch;
import org.reach.services.EncounterConflict;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.reach.services.TestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A month of anonymous outreach contacts for each demo peer, sent through the encounter batch API with
 * fixed uuids and a fixed seed, so a restart adds nothing (known uuids are duplicates or conflicts).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoEncounters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEncounters.class);
    private static final List<String> PEERS = List.of("karachi.peer", "mombasa.peer");

    private final SignIn signIn;
    private final Encounters encounters;
    private final Clock clock;

    DemoEncounters(SignIn signIn, Encounters encounters, Clock clock) {
        this.signIn = signIn;
        this.encounters = encounters;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock);
        for (String username : PEERS) {
            ReachUser peer;
            try {
                peer = signIn.loadUserByUsername(username);
            } catch (UsernameNotFoundException missing) {
                continue;
            }
            List<Site> sites = encounters.recordingSites(peer);
            if (sites.isEmpty()) {
                continue;
            }
            List<EncounterForm> forms = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                UUID uuid = UUID.nameUUIDFromBytes(("reach-demo-encounter|" + username + "|" + i).getBytes(StandardCharsets.UTF_8));
                List<ServiceLine> services = new ArrayList<>();
                services.add(ServiceLine.of("NEEDLES_SYRINGES", 5 + random.nextInt(26)));
                if (random.nextInt(3) == 0) {
                    services.add(ServiceLine.of("CONDOMS", 2 + random.nextInt(10)));
                }
                if (random.nextInt(5) == 0) {
                    services.add(ServiceLine.of("NALOXONE_KIT", 1));
                }
                if (random.nextInt(8) == 0) {
                    services.add(new ServiceLine("HIV_TEST", 1, random.nextInt(20) == 0 ? TestResult.POSITIVE : TestResult.NEGATIVE,
                            false));
                }
                services.add(ServiceLine.of("INFORMATION_MATERIAL", 1));
                boolean atHotspot = random.nextInt(4) == 0;
                forms.add(new EncounterForm(uuid.toString(), today.minusDays(random.nextInt(30)),
                        atHotspot ? null : sites.get(0).id(), atHotspot ? "Hotspot " + (1 + random.nextInt(5)) : null,
                        null, null, true, services, random.nextInt(3) == 0 ? 3 + random.nextInt(20) : null, null, null));
            }
            try {
                BatchResult result = encounters.recordBatch(peer, new EncounterBatch(forms));
                log.info("Demo encounters for {}: {} stored, {} already present.", username, result.stored(),
                        result.duplicates().size());
            } catch (EncounterConflict alreadyThere) {
                log.info("Demo encounters for {} already present.", username);
            }
        }
    }
}
