package org.reach.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.clients.Client;
import org.reach.clients.ClientSettings;
import org.reach.clients.ClientStatus;
import org.reach.services.ClientService;
import org.reach.services.Referral;
import org.reach.services.Referrals;
import org.reach.services.TestResult;

/**
 * Who is due for contact on a day and why, from facts already read (pure: no clock, no storage). Each rule names its
 * boundary day:
 * <ul>
 *   <li>missed OAT doses: a dispensation covers its day and the dose-days after it; the doses missed by this morning
 *       are the days from the first uncovered day up to yesterday (1, 3 or 5 and more), for 30 days after the last
 *       covered day — after that the person is no longer counted as on OAT here;</li>
 *   <li>released from detention: from the day of release to the 14th day after it, until a contact after release;</li>
 *   <li>turning lost: a defaulter today whom the organisation's status rule makes lost to follow-up within 14 days;</li>
 *   <li>referral past due: still open {@link Referrals#DEFAULT_FOLLOW_UP_DAYS} days after it was made;</li>
 *   <li>HIV positive not on ART: a positive HIV test not marked linked and with no ART initiation on or after it;</li>
 *   <li>routine contact: an active client or defaulter whose last contact is more days ago than the organisation's
 *       {@link ContactRhythm} for them (due on the day after the last day of the rhythm).</li>
 * </ul>
 * Clients who are deceased, transferred, exited or detained are never due.
 */
public final class WorklistRules {

    public static final Set<String> OAT_CODES = Set.of("OAT_METHADONE", "OAT_BUPRENORPHINE");
    public static final String HIV_TEST = "HIV_TEST";
    public static final String ART_INITIATION = "ART_INITIATION";
    public static final int OAT_WINDOW_DAYS = 30;
    public static final int RELEASE_WINDOW_DAYS = 14;
    public static final int TURNING_LOST_DAYS = 14;
    private static final Set<ClientStatus> NEVER_DUE = Set.of(ClientStatus.DECEASED, ClientStatus.TRANSFERRED,
            ClientStatus.EXITED, ClientStatus.DETAINED);

    /** Lost clients belong to tracing, the others are out of care here: only these are routinely due. */
    private static final Set<ClientStatus> ROUTINELY_SEEN = Set.of(ClientStatus.ACTIVE, ClientStatus.DEFAULTER);

    private WorklistRules() {
    }

    /** A release from detention: the day of release and whether the person was contacted since. */
    public record Release(long clientId, LocalDate releasedOn, boolean contactedSince) {
    }

    /** How many days back the services read for the rules must reach. */
    public static LocalDate servicesSince(LocalDate day) {
        return day.minusDays(OAT_WINDOW_DAYS + 366);
    }

    /** Follow-up's own reasons on {@code day} for these clients. */
    public static List<DueReason> reasons(LocalDate day, Collection<Client> clients, ClientSettings rule,
                                          List<ClientService> services, List<Referral> openReferrals,
                                          List<Release> releases) {
        Map<Long, Client> byId = new HashMap<>();
        clients.forEach(c -> byId.put(c.id(), c));
        List<DueReason> due = new ArrayList<>();
        Map<Long, LocalDate> covered = new HashMap<>();
        Map<Long, LocalDate> positive = new HashMap<>();
        Map<Long, LocalDate> linked = new HashMap<>();
        for (ClientService s : services) {
            if (OAT_CODES.contains(s.code())) {
                LocalDate last = s.date().plusDays(Math.max(1, s.quantity()) - 1L);
                covered.merge(s.clientId(), last, (a, b) -> a.isAfter(b) ? a : b);
            } else if (HIV_TEST.equals(s.code()) && s.result() == TestResult.POSITIVE) {
                if (Boolean.TRUE.equals(s.linked())) {
                    linked.merge(s.clientId(), s.date(), (a, b) -> a.isAfter(b) ? a : b);
                } else {
                    positive.merge(s.clientId(), s.date(), (a, b) -> a.isBefore(b) ? a : b);
                }
            } else if (ART_INITIATION.equals(s.code())) {
                linked.merge(s.clientId(), s.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        covered.forEach((clientId, lastCovered) -> {
            long missed = ChronoUnit.DAYS.between(lastCovered, day) - 1;
            if (missed >= 1 && missed <= OAT_WINDOW_DAYS) {
                Reason reason = missed >= 5 ? Reason.MISSED_OAT_5 : missed >= 3 ? Reason.MISSED_OAT_3 : Reason.MISSED_OAT_1;
                add(due, byId, clientId, reason, List.of(missed), lastCovered.plusDays(1));
            }
        });
        positive.forEach((clientId, tested) -> {
            LocalDate onArt = linked.get(clientId);
            if (onArt == null || onArt.isBefore(tested)) {
                add(due, byId, clientId, Reason.HIV_NOT_ON_ART, List.of(tested), tested);
            }
        });
        for (Release release : releases) {
            long since = ChronoUnit.DAYS.between(release.releasedOn(), day);
            if (!release.contactedSince() && since >= 0 && since <= RELEASE_WINDOW_DAYS) {
                add(due, byId, release.clientId(), Reason.RELEASED_FROM_DETENTION, List.of(release.releasedOn()),
                        release.releasedOn());
            }
        }
        for (Client client : clients) {
            if (client.status() == ClientStatus.DEFAULTER && rule.statusOn(client.lastContact(), day) == ClientStatus.DEFAULTER
                    && rule.statusOn(client.lastContact(), day.plusDays(TURNING_LOST_DAYS)) == ClientStatus.LOST_TO_FOLLOW_UP) {
                LocalDate lostOn = day;
                while (rule.statusOn(client.lastContact(), lostOn) != ClientStatus.LOST_TO_FOLLOW_UP) {
                    lostOn = lostOn.plusDays(1);
                }
                add(due, byId, client.id(), Reason.TURNING_LOST, List.of(lostOn), client.lastContact());
            }
        }
        for (Referral referral : openReferrals) {
            LocalDate dueOn = referral.madeOn().plusDays(Referrals.DEFAULT_FOLLOW_UP_DAYS);
            if (referral.status().open() && dueOn.isBefore(day)) {
                add(due, byId, referral.clientId(), Reason.REFERRAL_PAST_DUE, List.of(dueOn), dueOn);
            }
        }
        return due;
    }

    /**
     * The clients due on {@code day} because the routine contact the organisation aims for has not happened: the
     * days since the last contact exceed the rhythm for the client's risk (a client seen exactly that many days ago
     * is not yet due). Only active clients and defaulters; the reason names the days and the rhythm.
     */
    public static List<DueReason> routineContacts(LocalDate day, Collection<Client> clients, ContactRhythm rhythm) {
        List<DueReason> due = new ArrayList<>();
        for (Client client : clients) {
            if (!ROUTINELY_SEEN.contains(client.status()) || client.lastContact() == null) {
                continue;
            }
            int every = rhythm.everyDaysFor(client);
            long since = ChronoUnit.DAYS.between(client.lastContact(), day);
            if (since > every) {
                due.add(new DueReason(client.id(), Reason.ROUTINE_CONTACT.name(), Reason.ROUTINE_CONTACT.messageKey(),
                        List.of(since, every), client.lastContact().plusDays(every + 1L), Reason.ROUTINE_CONTACT.weight()));
            }
        }
        return due;
    }

    private static void add(List<DueReason> due, Map<Long, Client> clients, long clientId, Reason reason,
                            List<Object> args, LocalDate since) {
        Client client = clients.get(clientId);
        if (client != null && !NEVER_DUE.contains(client.status())) {
            due.add(new DueReason(clientId, reason.name(), reason.messageKey(), args, since, reason.weight()));
        }
    }

    /**
     * The worklist: one entry per client with every reason (highest weight first), ordered by the highest weight,
     * then by the sum of weights, then by the longest time since the last contact, then by code. Reasons about
     * clients not among {@code clients} (not visible to the reader, or never due) are dropped.
     */
    public static List<WorklistEntry> order(Collection<Client> clients, List<DueReason> reasons,
                                            Map<Long, Long> peers) {
        Map<Long, Client> byId = new HashMap<>();
        clients.forEach(c -> byId.put(c.id(), c));
        Map<Long, List<DueReason>> grouped = new LinkedHashMap<>();
        for (DueReason reason : reasons) {
            Client client = byId.get(reason.clientId());
            if (client != null && !NEVER_DUE.contains(client.status())) {
                List<DueReason> list = grouped.computeIfAbsent(reason.clientId(), id -> new ArrayList<>());
                if (list.stream().noneMatch(r -> r.code().equals(reason.code()))) {
                    list.add(reason);
                }
            }
        }
        List<WorklistEntry> entries = new ArrayList<>();
        grouped.forEach((clientId, list) -> {
            list.sort(Comparator.comparingInt(DueReason::weight).reversed().thenComparing(DueReason::code));
            Client client = byId.get(clientId);
            entries.add(new WorklistEntry(client, list, peers.get(clientId)));
        });
        entries.sort(Comparator.comparingInt(WorklistEntry::risk).reversed()
                .thenComparing(Comparator.comparingInt(WorklistEntry::weightSum).reversed())
                .thenComparing(e -> e.client().lastContact())
                .thenComparing(e -> e.client().uic()));
        return entries;
    }
}
