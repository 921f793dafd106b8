package org.reach.outreach;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.reach.outreach.store.SessionStore;
import org.reach.outreach.store.StockStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach counts for the indicator engine: people met without a code at sessions (by their stated sex),
 * commodities handed out at sessions, the people each kind of session counted (contacts at hotspots, attendance at
 * drop-in centres, safe spaces and prison outreach), and months in which a site ran out of an item. Every row is a place's row
 * without a client, so a query about named clients gets none.
 */
@Component
class OutreachFacts implements IndicatorFacts {

    static final List<String> MEASURES = List.of("SESSION_CONTACTS", "SESSION_SYRINGES", "SESSION_CONDOMS",
            "SESSION_NALOXONE", "STOCKOUT_MONTHS_SYRINGES", "STOCKOUT_MONTHS_NALOXONE", "STOCKOUT_ITEM_MONTHS",
            "SESSION_PEOPLE_HOTSPOT_OUTREACH", "SESSION_PEOPLE_DROP_IN", "SESSION_PEOPLE_SAFE_SPACE",
            "SESSION_PEOPLE_PRISON_OUTREACH");
    private static final int CONTACTS = 0;
    private static final int SYRINGES = 1;
    private static final int CONDOMS = 2;
    private static final int NALOXONE = 3;
    private static final int OUT_SYRINGES = 4;
    private static final int OUT_NALOXONE = 5;
    private static final int OUT_ANY = 6;
    /** People a session counted (without a code and known clients), at the measure of its setting. */
    private static final Map<OutreachSetting, Integer> PEOPLE = Map.of(OutreachSetting.HOTSPOT_OUTREACH, 7,
            OutreachSetting.DROP_IN, 8, OutreachSetting.SAFE_SPACE, 9, OutreachSetting.PRISON_OUTREACH, 10);

    private final SessionStore sessions;
    private final StockStore stock;

    OutreachFacts(SessionStore sessions, StockStore stock) {
        this.sessions = sessions;
        this.stock = stock;
    }

    @Override
    public List<String> measures() {
        return MEASURES;
    }

    @Override
    public List<ContributedIndicator> indicators() {
        List<Disaggregation> places = List.of(Disaggregation.NONE, Disaggregation.SITE, Disaggregation.CITY,
                Disaggregation.HOTSPOT);
        return List.of(
                new ContributedIndicator("OUTREACH_CONTACTS", "People met without a code at outreach sessions", null,
                        IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SEX, Disaggregation.SITE,
                        Disaggregation.CITY, Disaggregation.HOTSPOT),
                        "Outreach sessions: anonymous contacts by sex and age band", "SESSION_CONTACTS", null, 210),
                new ContributedIndicator("OUTREACH_SYRINGES", "Needles and syringes handed out at outreach sessions", null,
                        IndicatorUnit.COUNT, "ANY", places, "Outreach sessions: commodities out", "SESSION_SYRINGES", null,
                        211),
                new ContributedIndicator("OUTREACH_CONDOMS", "Condoms handed out at outreach sessions", null,
                        IndicatorUnit.COUNT, "ANY", places, "Outreach sessions: commodities out", "SESSION_CONDOMS", null, 212),
                new ContributedIndicator("OUTREACH_NALOXONE", "Naloxone handed out at outreach sessions", null,
                        IndicatorUnit.COUNT, "ANY", places, "Outreach sessions: commodities out", "SESSION_NALOXONE", null,
                        213),
                new ContributedIndicator("STOCKOUT_MONTHS_SYRINGES", "Site-months with a stock-out of syringes or needles",
                        null, IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SITE,
                        Disaggregation.CITY), "Stock movements of each site", "STOCKOUT_MONTHS_SYRINGES", null, 214),
                new ContributedIndicator("STOCKOUT_MONTHS_NALOXONE", "Site-months with a stock-out of naloxone", null,
                        IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SITE, Disaggregation.CITY),
                        "Stock movements of each site", "STOCKOUT_MONTHS_NALOXONE", null, 215),
                new ContributedIndicator("STOCKOUT_ITEM_MONTHS", "Item-months with a stock-out, all items", null,
                        IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SITE, Disaggregation.CITY),
                        "Stock movements of each site", "STOCKOUT_ITEM_MONTHS", null, 216),
                new ContributedIndicator("HOTSPOT_OUTREACH_CONTACTS", "People met at hotspot outreach sessions, "
                        + "without a code and known clients", null, IndicatorUnit.COUNT, "ANY", places,
                        "Outreach sessions at hotspots: anonymous contacts and known clients served",
                        "SESSION_PEOPLE_HOTSPOT_OUTREACH", null, 217),
                attendance("DROP_IN_ATTENDANCES", "drop-in centre openings", OutreachSetting.DROP_IN, 218),
                attendance("SAFE_SPACE_ATTENDANCES", "safe-space sessions", OutreachSetting.SAFE_SPACE, 219),
                attendance("PRISON_OUTREACH_ATTENDANCES", "prison outreach sessions", OutreachSetting.PRISON_OUTREACH,
                        220));
    }

    /** Attendance at sessions held at a site: a place's count, by site or city (there is no hotspot to show). */
    private static ContributedIndicator attendance(String code, String sessions, OutreachSetting setting, int order) {
        return new ContributedIndicator(code, "Attendances at " + sessions + ", without a code and known clients",
                null, IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SITE, Disaggregation.CITY),
                "Sessions recorded as " + setting.name() + ": people who came", "SESSION_PEOPLE_" + setting.name(), null,
                order);
    }

    @Override
    @Transactional
    public List<FactRow> load(FactQuery query) {
        if (!query.wants(null)) {
            return List.of(); // nothing here belongs to a client
        }
        List<FactRow> rows = new ArrayList<>();
        for (OutreachSession s : sessions.between(query.organisationIds(), query.siteId(), query.start(), query.end())) {
            long[] commodities = new long[MEASURES.size()];
            commodities[SYRINGES] = s.needlesSyringes();
            commodities[CONDOMS] = s.condoms();
            commodities[NALOXONE] = s.naloxone();
            // the same person coming twice counts twice, as contacts do: these are attendances, not people reached
            commodities[PEOPLE.get(s.setting())] = s.peopleCounted();
            rows.add(new FactRow(null, s.organisationId(), s.siteId(), s.hotspotName(), null, commodities));
            Map<String, Long> bySex = new LinkedHashMap<>();
            s.contacts().forEach(c -> bySex.merge(c.sex().name(), (long) c.people(), Long::sum));
            bySex.forEach((sex, people) -> {
                long[] values = new long[MEASURES.size()];
                values[CONTACTS] = people;
                rows.add(new FactRow(null, s.organisationId(), s.siteId(), s.hotspotName(), sex, values));
            });
        }
        rows.addAll(stockOuts(query));
        return rows;
    }

    private List<FactRow> stockOuts(FactQuery query) {
        record Key(long organisation, long site, StockItem item) {
        }
        Map<Key, List<StockMovement>> byItem = new LinkedHashMap<>();
        for (StockMovement m : stock.movements(query.organisationIds(), query.siteId() == null ? null
                : List.of(query.siteId()), query.end())) {
            byItem.computeIfAbsent(new Key(m.organisationId(), m.siteId(), m.item()), k -> new ArrayList<>()).add(m);
        }
        Map<List<Long>, long[]> bySite = new LinkedHashMap<>();
        YearMonth from = YearMonth.from(query.start());
        YearMonth to = YearMonth.from(query.end());
        byItem.forEach((key, movements) -> {
            int months = Stock.stockOutMonths(movements, from, to).size();
            if (months == 0) {
                return;
            }
            long[] values = bySite.computeIfAbsent(List.of(key.organisation(), key.site()), k -> new long[MEASURES.size()]);
            values[OUT_ANY] += months;
            if (key.item() == StockItem.NALOXONE) {
                values[OUT_NALOXONE] += months;
            }
        });
        // syringes of any kind: a month counts once however many syringe items ran out in it
        Map<List<Long>, java.util.Set<YearMonth>> syringeMonths = new LinkedHashMap<>();
        byItem.forEach((key, movements) -> {
            if (key.item().isSyringe()) {
                syringeMonths.computeIfAbsent(List.of(key.organisation(), key.site()), k -> new java.util.TreeSet<>())
                        .addAll(Stock.stockOutMonths(movements, from, to));
            }
        });
        syringeMonths.forEach((site, months) -> {
            if (!months.isEmpty()) {
                bySite.computeIfAbsent(site, k -> new long[MEASURES.size()])[OUT_SYRINGES] = months.size();
            }
        });
        List<FactRow> rows = new ArrayList<>();
        bySite.forEach((site, values) -> rows.add(new FactRow(null, site.get(0), site.get(1), null, null, values)));
        return rows;
    }
}
