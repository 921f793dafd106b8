package org.reach.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.Clients;
import org.reach.clients.PeerEducator;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.safety.store.OverdoseStore;
import org.reach.services.Encounters;
import org.reach.services.QuantityGiven;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Naloxone kits given out (the services' NALOXONE_KIT quantities, asked of the services capability) against kits
 * reported used (overdose reports where a peer or bystander gave naloxone from a kit). Per client: received, used,
 * refill due. Per peer: handed out, used in their reports, and whom to refill. A peer sees their own figures; the
 * organisation's managers and M&amp;E officer see every peer's.
 */
@Service
@Transactional
public class NaloxoneKits {

    public static final String KIT = "NALOXONE_KIT";
    /** Kits are counted since long before Reach was used: every kit ever recorded. */
    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    private final Encounters encounters;
    private final OverdoseStore overdoses;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    NaloxoneKits(Encounters encounters, OverdoseStore overdoses, Clients clients, AuditTrail audit, Clock clock) {
        this.encounters = encounters;
        this.overdoses = overdoses;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** One client's kits; a client of another organisation is not found. */
    public KitBalance ofClient(ReachUser actor, long clientId) {
        long organisationId = SafetyAccess.requireReader(actor, "read naloxone kits");
        Client client = clients.client(actor, clientId);
        if (!actor.isMemberOf(client.organisationId())) {
            throw new NotFound("client", clientId);
        }
        long received = given(organisationId).stream().filter(q -> q.clientId() != null && q.clientId() == clientId)
                .mapToLong(QuantityGiven::quantity).sum();
        long used = overdoses.kitsUsed(organisationId).stream()
                .filter(r -> r.kitHolderClientId() != null && r.kitHolderClientId() == clientId).count();
        audit.recordRead(actor, organisationId, "naloxone_kits", clientId, null, List.of(clientId));
        return new KitBalance(clientId, client.uic(), received, used);
    }

    /** Each peer's figures: all of the organisation's for its managers, one's own for a peer. */
    public List<PeerKits> peers(ReachUser actor) {
        long organisationId = SafetyAccess.requireReader(actor, "read naloxone kits");
        boolean all = SafetyAccess.mayManage(actor);
        List<QuantityGiven> given = given(organisationId);
        List<OverdoseReport> used = overdoses.kitsUsed(organisationId);

        Map<Long, Long> receivedBy = new HashMap<>();
        Map<Long, Long> usedBy = new HashMap<>();
        Map<Long, Set<Long>> clientsOfPeer = new HashMap<>();
        Map<Long, Long> handedOut = new HashMap<>();
        for (QuantityGiven q : given) {
            handedOut.merge(q.workerId(), (long) q.quantity(), Long::sum);
            if (q.clientId() != null) {
                receivedBy.merge(q.clientId(), (long) q.quantity(), Long::sum);
                clientsOfPeer.computeIfAbsent(q.workerId(), k -> new LinkedHashSet<>()).add(q.clientId());
            }
        }
        Map<Long, Long> usedInReports = new HashMap<>();
        for (OverdoseReport r : used) {
            usedInReports.merge(r.reportedBy(), 1L, Long::sum);
            if (r.kitHolderClientId() != null) {
                usedBy.merge(r.kitHolderClientId(), 1L, Long::sum);
            }
        }
        Map<Long, String> names = new LinkedHashMap<>();
        for (PeerEducator peer : clients.peerEducators(actor)) {
            names.put(peer.id(), peer.name());
        }
        Set<Long> peers = new TreeSet<>();
        if (all) {
            peers.addAll(names.keySet());
            peers.addAll(handedOut.keySet());
            peers.addAll(usedInReports.keySet());
        } else {
            peers.add(actor.id());
        }
        Map<Long, List<Long>> refill = new HashMap<>();
        Set<Long> named = new LinkedHashSet<>();
        for (Long peer : peers) {
            List<Long> due = new ArrayList<>();
            for (Long client : clientsOfPeer.getOrDefault(peer, Set.of())) {
                KitBalance balance = new KitBalance(client, null, receivedBy.getOrDefault(client, 0L),
                        usedBy.getOrDefault(client, 0L));
                if (balance.refillDue()) {
                    due.add(client);
                }
            }
            refill.put(peer, due);
            named.addAll(due);
        }
        Map<Long, String> codes = named.isEmpty() ? Map.of() : clients.codes(actor, named);
        List<PeerKits> result = new ArrayList<>();
        for (Long peer : peers) {
            List<String> refillFor = refill.get(peer).stream().map(codes::get).filter(c -> c != null).sorted().toList();
            result.add(new PeerKits(peer, peer == actor.id() ? actor.displayName() : names.getOrDefault(peer, "#" + peer),
                    handedOut.getOrDefault(peer, 0L), usedInReports.getOrDefault(peer, 0L), refillFor));
        }
        result.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        if (!named.isEmpty()) {
            audit.recordRead(actor, organisationId, "naloxone_kits", null, "refills due", named);
        }
        return result;
    }

    private List<QuantityGiven> given(long organisationId) {
        return encounters.quantitiesGiven(List.of(organisationId), KIT, BEGINNING, LocalDate.now(clock));
    }
}
