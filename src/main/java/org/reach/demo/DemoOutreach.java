package org.reach.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.reach.accounts.SignIn;
import org.reach.clients.Gender;
import org.reach.clients.PeerEducator;
import org.reach.organisations.Site;
import org.reach.organisations.SiteType;
import org.reach.outreach.AgeBand;
import org.reach.outreach.ContactCount;
import org.reach.outreach.Incident;
import org.reach.outreach.IncidentCount;
import org.reach.outreach.MovementKind;
import org.reach.outreach.OutreachSessionForm;
import org.reach.outreach.OutreachSessions;
import org.reach.outreach.OutreachSetting;
import org.reach.outreach.SessionBatch;
import org.reach.outreach.Stock;
import org.reach.outreach.StockItem;
import org.reach.outreach.StockMovementForm;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.reach.rar.Hotspot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Twelve weeks of outreach sessions for the demo organisations (two evenings a week at the mapped hotspots, or at
 * the outreach base where none are mapped), and the stock of their outreach and drop-in sites: monthly deliveries,
 * weekly issues to the peers, and a naloxone delivery in Karachi that came late, so that one month shows a
 * stock-out and the site manager's start page has something to reorder. Session uuids come from the city and the
 * week, so a restart stores nothing twice; stock is only laid down where a site has none.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoOutreach implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);
    private static final int WEEKS = 12;

    private record City(String key, String manager, int crowd) {
    }

    private static final List<City> CITIES = List.of(new City("karachi", "karachi.manager", 14),
            new City("mombasa", "mombasa.manager", 9));

    private final SignIn signIn;
    private final OutreachSessions sessions;
    private final Stock stock;
    private final Clock clock;

    DemoOutreach(SignIn signIn, OutreachSessions sessions, Stock stock, Clock clock) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.stock = stock;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock);
        for (City city : CITIES) {
            Optional<ReachUser> manager = user(city.manager());
            if (manager.isEmpty()) {
                continue;
            }
            try {
                sessions(city, manager.get(), today);
                stock(city, manager.get(), today);
            } catch (InvalidInput refused) {
                log.warn("Demo outreach for {} not recorded: {}", city.key(), refused.problems());
            } catch (org.reach.outreach.SessionConflict recordedBefore) {
                // the demo's sessions are there from an earlier start (with hotspots or peers added since)
                log.info("Demo outreach sessions for {} were recorded before", city.key());
            }
        }
    }

    private void sessions(City city, ReachUser manager, LocalDate today) {
        List<Site> bases = sessions.sites(manager).stream()
                .filter(s -> s.type() == SiteType.OUTREACH_BASE || s.type() == SiteType.DROP_IN_CENTRE).toList();
        if (bases.isEmpty()) {
            return;
        }
        List<Hotspot> hotspots = sessions.hotspots(manager);
        List<Long> peers = sessions.peers(manager).stream().map(PeerEducator::id).toList();
        Random random = new Random(city.key().hashCode());
        List<OutreachSessionForm> forms = new ArrayList<>();
        for (int week = WEEKS; week >= 1; week--) {
            for (int evening = 0; evening < 2; evening++) {
                LocalDate date = today.minusWeeks(week).plusDays(1 + evening * 3L);
                Hotspot hotspot = hotspots.isEmpty() ? null : hotspots.get(random.nextInt(hotspots.size()));
                Site base = bases.get(random.nextInt(bases.size()));
                List<ContactCount> contacts = new ArrayList<>();
                for (Gender sex : List.of(Gender.MALE, Gender.FEMALE, Gender.TRANSGENDER_WOMAN)) {
                    int share = sex == Gender.MALE ? city.crowd() : sex == Gender.FEMALE ? city.crowd() / 5 : 1;
                    for (AgeBand band : AgeBand.values()) {
                        int people = band == AgeBand.UNDER_18 ? random.nextInt(2) * (random.nextInt(3) == 0 ? 1 : 0)
                                : random.nextInt(share + 1);
                        contacts.add(new ContactCount(sex, band, people));
                    }
                }
                int met = contacts.stream().mapToInt(ContactCount::people).sum();
                List<IncidentCount> incidents = random.nextInt(6) == 0
                        ? List.of(new IncidentCount(random.nextBoolean() ? Incident.POLICE_HARASSMENT : Incident.OVERDOSE, 1))
                        : List.of();
                String uuid = UUID.nameUUIDFromBytes(("demo-session/" + city.key() + "/" + date + "/" + evening)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                forms.add(new OutreachSessionForm(uuid, base.id(), hotspot == null ? null : hotspot.id(), null, date,
                        LocalTime.of(18, 0), LocalTime.of(20, 30), peers.isEmpty() ? List.of() : List.of(peers.get(0)),
                        contacts, List.of(), met * 6, met * 2, random.nextInt(3), city.key().equals("karachi") ? met : 0,
                        met / 2, met * 4, null, random.nextInt(3), incidents, "demo"));
            }
        }
        sessions.recordBatch(manager, new SessionBatch(forms));
        if (city.key().equals("karachi")) {
            attendance(manager, today, peers);
        }
    }

    /**
     * Karachi's drop-in centre opens every Monday morning and the prison outreach point is visited every other
     * Wednesday, so that attendance shows beside the contacts at hotspots. A random of their own keeps the evening
     * sessions above exactly as they were recorded before.
     */
    private void attendance(ReachUser manager, LocalDate today, List<Long> peers) {
        Map<SiteType, Site> places = new EnumMap<>(SiteType.class);
        sessions.sites(manager).forEach(s -> places.putIfAbsent(s.type(), s));
        Random random = new Random("karachi-attendance".hashCode());
        List<OutreachSessionForm> forms = new ArrayList<>();
        for (int week = WEEKS; week >= 1; week--) {
            LocalDate monday = today.minusWeeks(week).with(java.time.DayOfWeek.MONDAY);
            if (places.containsKey(SiteType.DROP_IN_CENTRE)) {
                forms.add(cameToTheSite(places.get(SiteType.DROP_IN_CENTRE), OutreachSetting.DROP_IN, monday,
                        LocalTime.of(10, 0), LocalTime.of(14, 0), 18, peers, random));
            }
            if (week % 2 == 0 && places.containsKey(SiteType.PRISON_OUTREACH_POINT)) {
                forms.add(cameToTheSite(places.get(SiteType.PRISON_OUTREACH_POINT), OutreachSetting.PRISON_OUTREACH,
                        monday.plusDays(2), LocalTime.of(11, 0), LocalTime.of(13, 0), 10, peers, random));
            }
        }
        if (!forms.isEmpty()) {
            sessions.recordBatch(manager, new SessionBatch(forms));
        }
    }

    /** People who came to a site, mostly men (prisons in the demo hold men only), none under 18. */
    private static OutreachSessionForm cameToTheSite(Site site, OutreachSetting setting, LocalDate date, LocalTime start,
                                                     LocalTime end, int crowd, List<Long> peers, Random random) {
        List<ContactCount> contacts = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            if (band != AgeBand.UNDER_18) {
                contacts.add(new ContactCount(Gender.MALE, band, 2 + random.nextInt(crowd)));
                if (setting == OutreachSetting.DROP_IN) {
                    contacts.add(new ContactCount(Gender.FEMALE, band, random.nextInt(4)));
                }
            }
        }
        int came = contacts.stream().mapToInt(ContactCount::people).sum();
        String uuid = UUID.nameUUIDFromBytes(("demo-attendance/" + site.id() + "/" + date)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new OutreachSessionForm(uuid, site.id(), null, setting, date, start, end,
                peers.isEmpty() ? List.of() : List.of(peers.get(0)), contacts, List.of(), came * 3, came * 2,
                random.nextInt(2), 0, came / 2, came * 2, null, random.nextInt(4), List.of(), "demo");
    }

    private void stock(City city, ReachUser manager, LocalDate today) {
        if (!stock.levels(manager).isEmpty()) {
            return;
        }
        List<Long> peers = stock.peers(manager).stream().map(PeerEducator::id).toList();
        if (peers.isEmpty()) {
            return;
        }
        long peer = peers.get(0);
        for (Site site : stock.sites(manager)) {
            if (site.type() != SiteType.OUTREACH_BASE && site.type() != SiteType.DROP_IN_CENTRE) {
                continue;
            }
            for (int month = 3; month >= 0; month--) {
                LocalDate delivery = today.minusMonths(month).withDayOfMonth(1);
                if (delivery.isAfter(today)) {
                    continue;
                }
                receive(manager, site, StockItem.SYRINGES_1ML, 1500, delivery);
                receive(manager, site, StockItem.CONDOMS, 600, delivery);
                // Karachi's naloxone for the month before last came a fortnight late
                boolean late = city.key().equals("karachi") && month == 2;
                receive(manager, site, StockItem.NALOXONE, 20, late ? delivery.plusDays(14) : delivery);
            }
            for (LocalDate day = today.minusMonths(3).withDayOfMonth(1).plusDays(2); !day.isAfter(today); day = day.plusWeeks(1)) {
                issue(manager, site, StockItem.SYRINGES_1ML, 280, peer, day);
                issue(manager, site, StockItem.CONDOMS, 110, peer, day);
                issue(manager, site, StockItem.NALOXONE, 4, peer, day);
            }
        }
    }

    private void receive(ReachUser manager, Site site, StockItem item, int quantity, LocalDate date) {
        stock.record(manager, new StockMovementForm(site.id(), item, MovementKind.RECEIPT, quantity, null, date,
                "Monthly delivery"));
    }

    /** Issues what the site holds that day, at most the usual amount: a late delivery means less goes out. */
    private void issue(ReachUser manager, Site site, StockItem item, int quantity, long peer, LocalDate date) {
        try {
            stock.record(manager, new StockMovementForm(site.id(), item, MovementKind.ISSUE, quantity, peer, date, null));
        } catch (InvalidInput notEnough) {
            // out of stock that week: the peer goes out without it, as happens
        }
    }

    private Optional<ReachUser> user(String username) {
        try {
            return Optional.of(signIn.loadUserByUsername(username));
        } catch (UsernameNotFoundException missing) {
            return Optional.empty();
        }
    }
}
