package org.reach.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.clients.ClientStatus;
import org.reach.followup.ArrivalForm;
import org.reach.followup.DetentionForm;
import org.reach.followup.Detention;
import org.reach.followup.Detentions;
import org.reach.followup.FacilityType;
import org.reach.followup.FollowUp;
import org.reach.followup.OatInside;
import org.reach.followup.PartnerService;
import org.reach.followup.PartnerServiceForm;
import org.reach.followup.PeerAssignmentForm;
import org.reach.followup.ReleaseForm;
import org.reach.followup.SharedField;
import org.reach.followup.Tracing;
import org.reach.followup.TracingForm;
import org.reach.followup.TracingMethod;
import org.reach.followup.TracingOutcome;
import org.reach.followup.TransferForm;
import org.reach.followup.TransferKind;
import org.reach.followup.Transfers;
import org.reach.organisations.Site;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeping people in care in the demo, through follow-up's public facades: both organisations list their drop-in
 * centres and clinics in the partner directory; Karachi's peer is assigned some clients of the Lyari drop-in centre;
 * Karachi traces lost and defaulting clients (some not found at first and back in care on a later attempt, one
 * declined, one moved to Lahore, one in rehab); one client was held at the Central Jail with OAT continued inside and
 * was released last week; one client moving to Mombasa is transferred with consent (code, key population and OAT
 * dose shared) and received there, and one referral to the Mombasa clinic waits for arrival. Runs once: nothing is
 * added when Karachi already has tracing attempts.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoFollowUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUp.class);

    private final SignIn signIn;
    private final ClientRegistry clients;
    private final FollowUp followUp;
    private final Tracing tracing;
    private final Detentions detentions;
    private final Transfers transfers;
    private final Encounters encounters;
    private final Clock clock;

    DemoFollowUp(SignIn signIn, ClientRegistry clients, FollowUp followUp, Tracing tracing, Detentions detentions,
                 Transfers transfers, Encounters encounters, Clock clock) {
        this.encounters = encounters;
        this.signIn = signIn;
        this.clients = clients;
        this.followUp = followUp;
        this.tracing = tracing;
        this.detentions = detentions;
        this.transfers = transfers;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReachUser karachi = signIn.loadUserByUsername("karachi.manager");
        ReachUser mombasa = signIn.loadUserByUsername("mombasa.manager");
        ReachUser peer = signIn.loadUserByUsername("karachi.peer");
        if (!tracing.attempts(karachi, null, null).isEmpty()) {
            log.info("Demo follow-up already present.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<PartnerService> listed = new ArrayList<>();
        for (Site site : transfers.ownSites(karachi)) {
            if (site.name().startsWith("Lyari")) {
                listed.add(transfers.describe(karachi, new PartnerServiceForm(site.id(),
                        "Needles and syringes, naloxone, HIV and hepatitis C testing, wound care, meals", "Daily 9:00–18:00",
                        true, true)));
            } else if (site.name().startsWith("Korangi")) {
                listed.add(transfers.describe(karachi, new PartnerServiceForm(site.id(),
                        "Buprenorphine OAT, counselling, referral to ART", "Mon–Sat 8:00–14:00", true, false)));
            }
        }
        PartnerService oldTown = null;
        PartnerService clinic = null;
        for (Site site : transfers.ownSites(mombasa)) {
            if (site.name().startsWith("Old Town")) {
                oldTown = transfers.describe(mombasa, new PartnerServiceForm(site.id(),
                        "Methadone OAT, needles and syringes, naloxone, HIV testing", "Mon–Fri 8:00–17:00", true, true));
            } else if (site.name().startsWith("Coast General")) {
                clinic = transfers.describe(mombasa, new PartnerServiceForm(site.id(),
                        "ART, TB screening and treatment, hepatitis C treatment", "Mon–Fri 8:00–16:00", true, true));
            }
        }

        List<Client> lost = clients.search(karachi, new ClientSearch(null, ClientStatus.LOST_TO_FOLLOW_UP, null, null), 0, 30)
                .clients();
        List<Client> defaulters = clients.search(karachi, new ClientSearch(null, ClientStatus.DEFAULTER, null, null), 0, 30)
                .clients();
        List<Client> active = clients.search(karachi, new ClientSearch(null, ClientStatus.ACTIVE, null, null), 0, 60)
                .clients();

        int assigned = 0;
        for (Client client : active) {
            if (assigned < 6 && client.peerEducatorId() == null && client.enrolmentSiteId() != null
                    && peer.isAssignedTo(client.enrolmentSiteId())) {
                followUp.assign(karachi, new PeerAssignmentForm(client.id(), null, peer.id()));
                assigned++;
            }
        }

        List<Client> traced = new ArrayList<>(lost.subList(0, Math.min(6, lost.size())));
        traced.addAll(defaulters.subList(0, Math.min(4, defaulters.size())));
        TracingOutcome[] finals = {TracingOutcome.FOUND_RETURNED, TracingOutcome.NOT_FOUND, TracingOutcome.FOUND_RETURNED,
                TracingOutcome.FOUND_DECLINED, TracingOutcome.MOVED_CITY, TracingOutcome.IN_REHAB,
                TracingOutcome.FOUND_RETURNED, TracingOutcome.NOT_FOUND, TracingOutcome.FOUND_RETURNED, TracingOutcome.NOT_FOUND};
        TracingMethod[] methods = TracingMethod.values();
        for (int i = 0; i < traced.size(); i++) {
            Client client = traced.get(i);
            LocalDate first = today.minusDays(20 - i);
            if (first.isBefore(client.firstContact())) {
                continue;
            }
            ReachUser tracer = client.enrolmentSiteId() != null && peer.isAssignedTo(client.enrolmentSiteId()) ? peer : karachi;
            tracing.record(tracer, new TracingForm(client.id(), TracingMethod.PHONE, first, TracingOutcome.NOT_FOUND, null,
                    "Number no longer answers"));
            TracingOutcome outcome = finals[i % finals.length];
            LocalDate found = first.plusDays(4 + i % 5);
            tracing.record(tracer, new TracingForm(client.id(), methods[(i + 1) % methods.length], found,
                    outcome, outcome == TracingOutcome.MOVED_CITY ? "Lahore" : null,
                    outcome == TracingOutcome.FOUND_RETURNED ? "Met at the usual spot, came to the drop-in" : null));
            if (outcome == TracingOutcome.FOUND_RETURNED && client.enrolmentSiteId() != null) {
                // back at the drop-in the same day: peer support and a naloxone kit after a break in care
                encounters.record(tracer, new EncounterForm(UUID.nameUUIDFromBytes(("followup-" + client.uic())
                        .getBytes(StandardCharsets.UTF_8)).toString(), found, client.enrolmentSiteId(), null, client.id(),
                        null, false, List.of(ServiceLine.of("PEER_SUPPORT", 1), ServiceLine.of("NALOXONE_KIT", 1)), null,
                        null, null));
            }
        }

        Client held = active.stream().filter(c -> c.firstContact().isBefore(today.minusDays(60)))
                .filter(c -> c.lastContact().isBefore(today.minusDays(45))).findFirst().orElse(null);
        if (held != null) {
            Detention detention = detentions.open(karachi, new DetentionForm(held.id(), FacilityType.PRISON,
                    "Central Jail Karachi", today.minusDays(45), today.minusDays(10), OatInside.CONTINUED));
            detentions.release(karachi, detention.id(), new ReleaseForm(today.minusDays(6), OatInside.CONTINUED, true));
        }

        List<Client> movers = active.stream().filter(c -> held == null || c.id() != held.id())
                .filter(c -> c.lastContact().isBefore(today))
                .filter(c -> traced.stream().noneMatch(t -> t.id() == c.id())).skip(10).limit(2).toList();
        if (oldTown != null && !movers.isEmpty()) {
            long id = transfers.send(karachi, new TransferForm(movers.get(0).id(), TransferKind.TRANSFER, oldTown.id(), true,
                    today, Set.of(SharedField.CODE, SharedField.KEY_POPULATION, SharedField.OAT_DOSE), 60)).id();
            try {
                transfers.confirm(mombasa, id, new ArrivalForm(today, null, null, movers.get(0).gender()));
            } catch (InvalidInput codeDoesNotFit) {
                log.info("Demo transfer {} left waiting for arrival: {}", id, codeDoesNotFit.getMessage());
            }
        }
        if (clinic != null && movers.size() > 1) {
            transfers.send(karachi, new TransferForm(movers.get(1).id(), TransferKind.REFERRAL, clinic.id(), true, today,
                    Set.of(SharedField.OPEN_REFERRALS), null));
        }
        log.info("Demo follow-up: {} partner listings, {} peer assignments, {} clients traced, {} detention, transfers to Mombasa.",
                listed.size() + 2, assigned, traced.size(), held == null ? 0 : 1);
    }
}
