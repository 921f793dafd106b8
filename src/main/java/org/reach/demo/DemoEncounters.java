package org.reach.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.reach.accounts.SignIn;
import org.reach.clients.CareStage;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.clients.ClientStatus;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.clients.StageChange;
import org.reach.clients.StatusChange;
import org.reach.organisations.Site;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.services.BatchResult;
import org.reach.services.EncounterBatch;
import org.reach.services.EncounterConflict;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ProviderType;
import org.reach.services.Referral;
import org.reach.services.ReferralForm;
import org.reach.services.ReferralStep;
import org.reach.services.Referrals;
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
 * A year of outreach for the demo clients of Karachi and Mombasa, recorded through the services' public API
 * so the registry moves last-contact dates itself. Each client gets a plan from a seed derived from their
 * code: active (contact in the last three months), defaulter (last contact four to nine months ago), lost
 * to follow-up (nothing in the last nine months) or, for a few, detained, transferred, deceased or exited
 * some time after their last contact. Encounters carry the services people in that situation get (needles
 * and syringes for people who inject, hygiene, food and support for smokers, dental and family support for
 * women, OAT dose-days once in treatment: buprenorphine in Karachi, methadone in Mombasa). About one client
 * in six has one or two referrals with dated steps; then stage changes and recorded statuses follow.
 * Encounter uuids come from the client's code, anonymous contacts per peer are added too, and nothing is
 * recorded for an organisation whose clients already have encounters, so a restart adds nothing.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoEncounters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEncounters.class);
    private static final long SEED = 2026L;
    private static final int BATCH = Encounters.MAX_BATCH;

    /** Who works for an organisation in the demo and where its clients are referred to. */
    private record City(String key, String manager, String siteManager, String peer, String oat,
                        Map<ProviderType, String> providers, Map<ProviderType, String> internalSites) {
    }

    private static final List<City> CITIES = List.of(
            new City("karachi", "karachi.manager", "karachi.site", "karachi.peer", "OAT_BUPRENORPHINE", providers(
                    "Civil Hospital Karachi ART centre", "Korangi OAT centre", "Ojha Institute of Chest Diseases",
                    "Dow dental outpatients", "Jinnah Hospital psychiatry outpatients", "Legal Aid Society Karachi",
                    "Edhi Home Sohrab Goth"),
                    Map.of(ProviderType.OAT_CENTRE, "Korangi OAT centre")),
            new City("mombasa", "mombasa.manager", null, "mombasa.peer", "OAT_METHADONE", providers(
                    "Coast General comprehensive care clinic", "Kisauni MAT clinic", "Port Reitz TB clinic",
                    "Coast General dental unit", "Port Reitz mental health unit", "Kituo cha Sheria Mombasa",
                    "Old Town night shelter"),
                    Map.of(ProviderType.ART_CLINIC, "Coast General clinic")));

    private final SignIn signIn;
    private final Encounters encounters;
    private final Referrals referrals;
    private final ClientRegistry registry;
    private final ClientStatusChanges statusChanges;
    private final Clock clock;

    DemoEncounters(SignIn signIn, Encounters encounters, Referrals referrals, ClientRegistry registry,
                   ClientStatusChanges statusChanges, Clock clock) {
        this.signIn = signIn;
        this.encounters = encounters;
        this.referrals = referrals;
        this.registry = registry;
        this.statusChanges = statusChanges;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        for (City city : CITIES) {
            Optional<ReachUser> manager = user(city.manager());
            if (manager.isEmpty()) {
                continue;
            }
            try {
                create(city, manager.get(), today);
            } catch (InvalidInput | EncounterConflict refused) {
                log.warn("Demo encounters for {} not recorded: {}", city.key(), refused.getMessage());
            }
        }
        log.info("Demo encounters and referrals checked in {} ms.", (System.nanoTime() - started) / 1_000_000);
    }

    private void create(City city, ReachUser manager, LocalDate today) {
        List<Client> clients = clients(manager);
        if (clients.stream().limit(5).anyMatch(c -> !encounters.ofClient(manager, c).isEmpty())) {
            log.info("Demo encounters for {} already present.", city.key());
            return;
        }
        Map<Long, Site> sites = new LinkedHashMap<>();
        registry.enrolmentSites(manager).forEach(s -> sites.put(s.id(), s));
        List<ReachUser> workers = new ArrayList<>();
        user(city.peer()).ifPresent(workers::add);
        user(city.siteManager()).ifPresent(workers::add);

        List<Plan> plans = clients.stream().map(c -> plan(city, c, today)).toList();
        Map<ReachUser, List<EncounterForm>> byWorker = new LinkedHashMap<>();
        for (Plan plan : plans) {
            for (Visit visit : plan.visits()) {
                Long place = visit.siteId() != null ? visit.siteId() : plan.client().enrolmentSiteId();
                ReachUser worker = workers.stream().filter(w -> place != null && w.isAssignedTo(place)).findFirst()
                        .orElse(manager);
                byWorker.computeIfAbsent(worker, w -> new ArrayList<>()).add(visit.form());
            }
        }
        int stored = 0;
        for (Map.Entry<ReachUser, List<EncounterForm>> entry : byWorker.entrySet()) {
            List<EncounterForm> forms = entry.getValue();
            for (int from = 0; from < forms.size(); from += BATCH) {
                BatchResult result = encounters.recordBatch(entry.getKey(),
                        new EncounterBatch(forms.subList(from, Math.min(forms.size(), from + BATCH))));
                stored += result.stored();
            }
        }
        stored += anonymous(city, today);

        int referred = 0;
        int referralCount = 0;
        int open = 0;
        int inTreatment = 0;
        for (Plan plan : plans) {
            for (PlannedReferral referral : plan.referrals()) {
                refer(city, manager, plan.client(), referral, sites);
                referralCount++;
                open += referral.completedOn() == null && referral.failedOn() == null ? 1 : 0;
            }
            referred += plan.referrals().isEmpty() ? 0 : 1;
            if (plan.treatmentOn() != null) {
                inTreatment++;
                statusChanges.changeStage(manager, plan.client().id(), new StageChange(CareStage.TREATMENT, plan.treatmentOn(),
                        "Started opioid agonist therapy"));
            }
            if (plan.stableOn() != null) {
                statusChanges.changeStage(manager, plan.client().id(), new StageChange(CareStage.LIFE_STABILITY, plan.stableOn(),
                        "Stable on OAT, back at work"));
            }
            if (plan.ending() != null) {
                statusChanges.changeStatus(manager, plan.client().id(), new StatusChange(plan.ending(), plan.endedOn(),
                        reason(plan.ending())));
            }
        }
        log.info("Demo encounters for {}: {} encounters stored, {} referrals ({} open) for {} of {} clients, {} started OAT.",
                city.key(), stored, referralCount, open, referred, clients.size(), inTreatment);
    }

    private List<Client> clients(ReachUser manager) {
        return DemoClientList.of(registry, manager);
    }

    private Optional<ReachUser> user(String username) {
        if (username == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(signIn.loadUserByUsername(username));
        } catch (UsernameNotFoundException missing) {
            return Optional.empty();
        }
    }

    // ---- one client's year

    private record Visit(EncounterForm form, Long siteId) {
    }

    private record PlannedReferral(ProviderType type, LocalDate madeOn, LocalDate acceptedOn, LocalDate completedOn,
                                   LocalDate failedOn, String note) {
    }

    private record Plan(Client client, List<Visit> visits, List<PlannedReferral> referrals, LocalDate treatmentOn,
                        LocalDate stableOn, ClientStatus ending, LocalDate endedOn) {
    }

    private Plan plan(City city, Client client, LocalDate today) {
        Random random = new Random(SEED * 31 + (city.key() + "|" + client.uic()).hashCode());
        LocalDate windowStart = client.firstContact().isAfter(today.minusDays(364)) ? client.firstContact()
                : today.minusDays(364);
        int span = (int) ChronoUnit.DAYS.between(windowStart, today);

        ClientStatus ending = null;
        LocalDate endedOn = null;
        LocalDate last;
        int end = random.nextInt(100);
        if (end < 8 && span > 45) {
            ending = end < 3 ? ClientStatus.DETAINED : end < 5 ? ClientStatus.TRANSFERRED
                    : end < 7 ? ClientStatus.DECEASED : ClientStatus.EXITED;
            endedOn = windowStart.plusDays(30 + random.nextInt(span - 30));
            last = later(windowStart, endedOn.minusDays(1 + random.nextInt(10)));
        } else {
            int kind = random.nextInt(100);
            int daysAgo = kind < 62 ? random.nextInt(85) : kind < 82 ? 115 + random.nextInt(150) : 285 + random.nextInt(75);
            last = later(windowStart, today.minusDays(daysAgo));
        }

        boolean injecting = client.route() == Route.INJECTING
                || client.keyPopulations().contains(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS);
        List<LocalDate> dates = new ArrayList<>();
        int gap = (int) ChronoUnit.DAYS.between(windowStart, last);
        LocalDate date = windowStart.equals(client.firstContact()) ? windowStart
                : windowStart.plusDays(random.nextInt(Math.min(21, gap + 1)));
        int mean = injecting ? 9 + random.nextInt(16) : 14 + random.nextInt(24);
        while (date.isBefore(last) && dates.size() < 45) {
            dates.add(date);
            date = date.plusDays(Math.max(1, mean / 2 + random.nextInt(mean + 1)));
        }
        dates.add(last);

        boolean opioids = client.primaryDrug() == Drug.HEROIN || client.secondaryDrug() == Drug.HEROIN
                || client.secondaryDrug() == Drug.PHARMACEUTICAL_OPIOIDS;
        int treatmentIndex = -1;
        int stableIndex = -1;
        if (opioids && dates.size() >= 4 && random.nextInt(100) < (injecting ? 25 : 10)) {
            treatmentIndex = 1 + random.nextInt(dates.size() - 3);
            if (random.nextInt(100) < 30) {
                LocalDate stableFrom = dates.get(treatmentIndex).plusDays(90 + random.nextInt(90));
                for (int i = treatmentIndex + 1; i < dates.size(); i++) {
                    if (!dates.get(i).isBefore(stableFrom)) {
                        stableIndex = i;
                        break;
                    }
                }
            }
        }

        boolean positive = random.nextInt(100) < (injecting ? 6 : 2);
        boolean linked = positive && random.nextInt(100) < 70;
        List<PlannedReferral> referrals = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        LocalDate lastTest = null;
        boolean testedPositive = false;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate on = dates.get(i);
            boolean hivTest = !testedPositive && (lastTest == null ? random.nextInt(100) < 60
                    : ChronoUnit.DAYS.between(lastTest, on) >= 90 && random.nextInt(100) < 15);
            TestResult result = null;
            if (hivTest) {
                lastTest = on;
                result = positive && (i > 0 || dates.size() == 1) ? TestResult.POSITIVE : TestResult.NEGATIVE;
                if (result == TestResult.POSITIVE) {
                    testedPositive = true;
                    referrals.add(artReferral(random, on, last, endedOn, today, linked));
                }
            }
            boolean onOat = treatmentIndex >= 0 && i >= treatmentIndex;
            visits.add(visit(city, client, i, on, random, injecting, onOat, result, linked));
        }

        LocalDate treatmentOn = treatmentIndex >= 0 ? dates.get(treatmentIndex) : null;
        if (treatmentOn != null && random.nextInt(100) < 40) {
            LocalDate madeOn = later(windowStart, treatmentOn.minusDays(3 + random.nextInt(12)));
            LocalDate acceptedOn = later(madeOn, treatmentOn.minusDays(random.nextInt(3)));
            referrals.add(new PlannedReferral(ProviderType.OAT_CENTRE, madeOn, acceptedOn, treatmentOn, null,
                    "Assessed and started on opioid agonist therapy"));
        }
        if (referrals.size() < 2 && random.nextInt(100) < 7) {
            LocalDate madeOn = dates.get(random.nextInt(dates.size()));
            referrals.add(outcome(random, otherProvider(random, client, injecting), madeOn, last, endedOn, today));
        }
        if (ending == ClientStatus.DETAINED && random.nextInt(100) < 60) {
            LocalDate madeOn = earlier(today, endedOn.plusDays(1 + random.nextInt(6)));
            LocalDate acceptedOn = random.nextBoolean() ? earlier(today, madeOn.plusDays(2 + random.nextInt(10))) : null;
            referrals.add(new PlannedReferral(ProviderType.LEGAL_AID, madeOn, acceptedOn, null, null, null));
        }
        List<PlannedReferral> settled = referrals.stream().limit(2).map(r -> settled(r, random, today)).toList();
        return new Plan(client, visits, settled, treatmentOn,
                stableIndex >= 0 ? dates.get(stableIndex) : null, ending, endedOn);
    }

    private Visit visit(City city, Client client, int index, LocalDate on, Random random, boolean injecting, boolean onOat,
                        TestResult hivResult, boolean linked) {
        Map<String, ServiceLine> services = new LinkedHashMap<>();
        boolean women = client.gender() == Gender.FEMALE || client.gender() == Gender.TRANSGENDER_WOMAN;
        boolean sexWork = client.keyPopulations().contains(KeyPopulation.SEX_WORKER);
        Integer returned = null;
        if (onOat) {
            add(services, city.oat(), 7 + random.nextInt(22));
        }
        if (injecting) {
            if (!onOat || random.nextInt(100) < 60) {
                add(services, "NEEDLES_SYRINGES", 10 + random.nextInt(31));
                if (random.nextInt(100) < 35) {
                    returned = 5 + random.nextInt(36);
                }
            }
            maybe(services, random, 45, "CONDOMS", 3 + random.nextInt(18));
            maybe(services, random, 12, "NALOXONE_KIT", 1 + random.nextInt(2));
            maybe(services, random, 15, "WOUND_CARE", 1);
            maybe(services, random, 20, "INFORMATION_MATERIAL", 1);
        } else {
            boolean meth = client.primaryDrug() == Drug.METHAMPHETAMINE;
            maybe(services, random, 45, "CONDOMS", 3 + random.nextInt(13));
            maybe(services, random, 50, "INFORMATION_MATERIAL", 1 + random.nextInt(2));
            maybe(services, random, 30, "SHOWER", 1);
            maybe(services, random, 15, "LAUNDRY", 1);
            maybe(services, random, 40, "FOOD", 1 + random.nextInt(2));
            maybe(services, random, meth ? 30 : 12, "MENTAL_HEALTH_SUPPORT", 1);
            maybe(services, random, 25, "PEER_SUPPORT", 1);
        }
        if (women) {
            maybe(services, random, 8, "DENTAL_CARE", 1);
            maybe(services, random, 30, "SHOWER", 1);
            maybe(services, random, 15, "FAMILY_SUPPORT", 1);
        }
        if (sexWork) {
            add(services, "CONDOMS", 10 + random.nextInt(21));
            maybe(services, random, 50, "LUBRICANT", 5 + random.nextInt(10));
        }
        maybe(services, random, 4, "TB_SCREENING", 1);
        if (hivResult != null) {
            services.put("HIV_TEST", new ServiceLine("HIV_TEST", 1, hivResult, hivResult == TestResult.POSITIVE && linked));
        }
        if (services.isEmpty()) {
            add(services, "PEER_SUPPORT", 1);
        }
        boolean atHotspot = !onOat && client.enrolmentHotspot() != null && random.nextInt(100) < 45;
        Long siteId = atHotspot ? null : client.enrolmentSiteId();
        UUID uuid = UUID.nameUUIDFromBytes(("reach-demo-client-encounter|" + city.key() + "|" + client.uic() + "|" + index)
                .getBytes(StandardCharsets.UTF_8));
        EncounterForm form = new EncounterForm(uuid.toString(), on, siteId, atHotspot ? client.enrolmentHotspot() : null,
                client.id(), null, false, List.copyOf(services.values()), returned, null, null);
        return new Visit(form, siteId);
    }

    private static void add(Map<String, ServiceLine> services, String code, int quantity) {
        services.put(code, ServiceLine.of(code, quantity));
    }

    private static void maybe(Map<String, ServiceLine> services, Random random, int percent, String code, int quantity) {
        if (random.nextInt(100) < percent && !services.containsKey(code)) {
            add(services, code, quantity);
        }
    }

    // ---- referrals

    private static PlannedReferral artReferral(Random random, LocalDate madeOn, LocalDate last, LocalDate endedOn,
                                               LocalDate today, boolean linked) {
        if (!linked) {
            return random.nextBoolean() ? new PlannedReferral(ProviderType.ART_CLINIC, madeOn, null, null, null, null)
                    : new PlannedReferral(ProviderType.ART_CLINIC, madeOn, null, null,
                    earlier(today, madeOn.plusDays(20 + random.nextInt(30))), "Did not go; afraid of being seen at the clinic");
        }
        LocalDate acceptedOn = earlier(today, madeOn.plusDays(random.nextInt(4)));
        LocalDate completedOn = acceptedOn.plusDays(3 + random.nextInt(19));
        boolean completes = !completedOn.isAfter(last) && (endedOn == null || completedOn.isBefore(endedOn));
        return new PlannedReferral(ProviderType.ART_CLINIC, madeOn, acceptedOn, completes ? completedOn : null, null,
                completes ? "Started on ART" : null);
    }

    /** Most referrals still open after two and a half months are closed as failed; a few stay open. */
    private static PlannedReferral settled(PlannedReferral referral, Random random, LocalDate today) {
        boolean open = referral.completedOn() == null && referral.failedOn() == null;
        if (!open || referral.madeOn().isAfter(today.minusDays(75)) || random.nextInt(100) < 15) {
            return referral;
        }
        return new PlannedReferral(referral.type(), referral.madeOn(), referral.acceptedOn(), null,
                referral.madeOn().plusDays(30 + random.nextInt(31)), "Lost contact with the client");
    }

    /** Completed (when that is a contact before the last one), failed, or still open. */
    private static PlannedReferral outcome(Random random, ProviderType type, LocalDate madeOn, LocalDate last,
                                           LocalDate endedOn, LocalDate today) {
        int roll = random.nextInt(100);
        LocalDate acceptedOn = earlier(today, madeOn.plusDays(1 + random.nextInt(5)));
        if (roll < 45) {
            LocalDate completedOn = acceptedOn.plusDays(2 + random.nextInt(19));
            if (!completedOn.isAfter(last) && (endedOn == null || completedOn.isBefore(endedOn))) {
                return new PlannedReferral(type, madeOn, acceptedOn, completedOn, null, "Seen by the provider");
            }
            return new PlannedReferral(type, madeOn, acceptedOn, null, null, null);
        }
        if (roll < 65) {
            LocalDate failedOn = earlier(today, madeOn.plusDays(7 + random.nextInt(40)));
            return new PlannedReferral(type, madeOn, random.nextBoolean() ? acceptedOn : null, null,
                    failedOn.isBefore(acceptedOn) ? acceptedOn : failedOn, "Client did not attend");
        }
        return new PlannedReferral(type, madeOn, random.nextBoolean() ? acceptedOn : null, null, null, null);
    }

    private static ProviderType otherProvider(Random random, Client client, boolean injecting) {
        boolean women = client.gender() == Gender.FEMALE || client.gender() == Gender.TRANSGENDER_WOMAN;
        if (client.keyPopulations().contains(KeyPopulation.PEOPLE_IN_PRISON) && random.nextBoolean()) {
            return ProviderType.LEGAL_AID;
        }
        if (women && random.nextBoolean()) {
            return random.nextBoolean() ? ProviderType.DENTAL : ProviderType.SHELTER;
        }
        if (client.primaryDrug() == Drug.METHAMPHETAMINE && random.nextBoolean()) {
            return ProviderType.MENTAL_HEALTH;
        }
        int roll = random.nextInt(100);
        if (injecting) {
            return roll < 45 ? ProviderType.TB_CLINIC : roll < 70 ? ProviderType.SHELTER : ProviderType.MENTAL_HEALTH;
        }
        return roll < 35 ? ProviderType.TB_CLINIC : roll < 60 ? ProviderType.MENTAL_HEALTH
                : roll < 80 ? ProviderType.SHELTER : ProviderType.DENTAL;
    }

    private void refer(City city, ReachUser manager, Client client, PlannedReferral planned, Map<Long, Site> sites) {
        String internalName = city.internalSites().get(planned.type());
        Long internal = internalName == null ? null : sites.values().stream()
                .filter(s -> s.name().equals(internalName)).map(Site::id).findFirst().orElse(null);
        Referral referral = referrals.refer(manager, new ReferralForm(client.id(), null, planned.type(),
                internal != null ? null : city.providers().get(planned.type()), internal, planned.madeOn()));
        if (planned.acceptedOn() != null) {
            referrals.accept(manager, referral.id(), new ReferralStep(planned.acceptedOn(), null));
        }
        if (planned.completedOn() != null) {
            referrals.complete(manager, referral.id(), new ReferralStep(planned.completedOn(), planned.note()));
        } else if (planned.failedOn() != null) {
            referrals.fail(manager, referral.id(), new ReferralStep(planned.failedOn(), planned.note()));
        }
    }

    private static Map<ProviderType, String> providers(String art, String oat, String tb, String dental, String mental,
                                                       String legal, String shelter) {
        return Map.of(ProviderType.ART_CLINIC, art, ProviderType.OAT_CENTRE, oat, ProviderType.TB_CLINIC, tb,
                ProviderType.DENTAL, dental, ProviderType.MENTAL_HEALTH, mental, ProviderType.LEGAL_AID, legal,
                ProviderType.SHELTER, shelter);
    }

    private static String reason(ClientStatus status) {
        return switch (status) {
            case DETAINED -> "Arrested during a police sweep";
            case TRANSFERRED -> "Moved to family in another city";
            case DECEASED -> "Overdose";
            default -> "Asked to leave the programme";
        };
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // ---- anonymous contacts

    /** Contacts with people who did not give a code, spread over the year, at the peer's site or a hotspot. */
    private int anonymous(City city, LocalDate today) {
        Optional<ReachUser> found = user(city.peer());
        if (found.isEmpty()) {
            return 0;
        }
        ReachUser peer = found.get();
        List<Site> sites = encounters.recordingSites(peer);
        if (sites.isEmpty()) {
            return 0;
        }
        Random random = new Random(SEED + city.key().hashCode());
        List<EncounterForm> forms = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            UUID uuid = UUID.nameUUIDFromBytes(("reach-demo-encounter|" + peer.getUsername() + "|" + i)
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, ServiceLine> services = new LinkedHashMap<>();
            add(services, "NEEDLES_SYRINGES", 5 + random.nextInt(26));
            maybe(services, random, 33, "CONDOMS", 2 + random.nextInt(10));
            maybe(services, random, 20, "NALOXONE_KIT", 1);
            if (random.nextInt(8) == 0) {
                services.put("HIV_TEST", new ServiceLine("HIV_TEST", 1,
                        random.nextInt(20) == 0 ? TestResult.POSITIVE : TestResult.NEGATIVE, false));
            }
            add(services, "INFORMATION_MATERIAL", 1);
            boolean atHotspot = random.nextInt(4) == 0;
            forms.add(new EncounterForm(uuid.toString(), today.minusDays(random.nextInt(365)),
                    atHotspot ? null : sites.get(0).id(), atHotspot ? "Hotspot " + (1 + random.nextInt(5)) : null,
                    null, null, true, List.copyOf(services.values()), random.nextInt(3) == 0 ? 3 + random.nextInt(20) : null,
                    null, null));
        }
        return encounters.recordBatch(peer, new EncounterBatch(forms)).stored();
    }
}
