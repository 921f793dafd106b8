package org.reach.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.reach.accounts.SignIn;
import org.reach.earlywarning.ContingencyPlan;
import org.reach.earlywarning.DrugReportForm;
import org.reach.earlywarning.EarlyWarning;
import org.reach.earlywarning.PlanForm;
import org.reach.earlywarning.Substance;
import org.reach.organisations.Site;
import org.reach.platform.ReachUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A year of weekly drug reports in Karachi, as peers and drug checking gave them: heroin, chased or injected, gives
 * way to methamphetamine smoked from glass pipes (from about one report in six to more than half, its price falling
 * as supply grows), and in the last two weeks drug checking finds fentanyl in heroin at the Lyari and Saddar sites,
 * which raises an alert. The organisation's contingency plan for fentanyl is written in advance. Nothing is recorded
 * when the organisation already has drug reports, so a restart adds nothing.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoEarlyWarning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEarlyWarning.class);
    private static final long SEED = 16L;
    private static final int WEEKS = 52;

    private final SignIn signIn;
    private final EarlyWarning earlyWarning;
    private final Clock clock;

    DemoEarlyWarning(SignIn signIn, EarlyWarning earlyWarning, Clock clock) {
        this.signIn = signIn;
        this.earlyWarning = earlyWarning;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<ReachUser> manager = user("karachi.manager");
        Optional<ReachUser> peer = user("karachi.peer");
        if (manager.isEmpty() || peer.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (!earlyWarning.reports(manager.get(), today.minusYears(5), today).isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        plan(manager.get());
        List<Site> sites = earlyWarning.reportingSites(manager.get()).stream()
                .filter(s -> "Karachi".equals(s.city())).toList();
        List<Site> peerSites = earlyWarning.reportingSites(peer.get());
        if (sites.isEmpty() || peerSites.isEmpty()) {
            return;
        }
        long heroin = substance("Heroin");
        long meth = substance("Methamphetamine (ice)");
        long charas = substance("Cannabis (charas)");
        long fentanyl = substance("Fentanyl");
        Random random = new Random(SEED);
        LocalDate thisWeek = EarlyWarning.weekOf(today);
        int count = 0;
        for (int w = WEEKS; w >= 0; w--) {
            LocalDate monday = thisWeek.minusWeeks(w);
            double progress = (WEEKS - w) / (double) WEEKS;
            double methShare = 0.15 + 0.45 * progress;
            int reports = 5 + random.nextInt(5);
            for (int i = 0; i < reports; i++) {
                LocalDate day = monday.plusDays(random.nextInt(6));
                if (day.isAfter(today)) {
                    day = today;
                }
                Site site = sites.get(random.nextInt(sites.size()));
                double r = random.nextDouble();
                if (r < methShare) {
                    // ice, smoked from glass pipes; cheaper as more of it comes in
                    record(manager.get(), day, site, meth, null, "CRYSTAL", price(2200 - 900 * progress, random),
                            null, List.of(), "SMOKING", random.nextInt(3) == 0 ? "CLIENT" : "PEER",
                            random.nextInt(12) == 0 ? "AGITATION_PSYCHOSIS" : null);
                } else if (r < methShare + 0.1) {
                    record(manager.get(), day, site, charas, null, "RESIN", price(120, random), null, List.of(),
                            "SMOKING", "PEER", null);
                } else {
                    boolean injects = random.nextInt(5) < 2;
                    // now and then drug checking finds benzodiazepines cut into heroin
                    boolean benzo = random.nextInt(40) == 0;
                    record(manager.get(), day, site, heroin, null, "POWDER",
                            price(350 + 60 * progress, random), benzo ? BigDecimal.valueOf(20 + random.nextInt(30)) : null,
                            benzo ? List.of("BENZODIAZEPINES") : List.of(), injects ? "INJECTING" : "SMOKING",
                            benzo ? "DRUG_CHECKING" : "PEER", benzo ? "HEAVY_SEDATION" : null);
                }
                count++;
            }
        }
        // the cluster: heroin cut with fentanyl found by drug checking at the peers' sites, last week and this week
        int[] cluster = {2, 4};
        for (int c = 0; c < cluster.length; c++) {
            LocalDate monday = thisWeek.minusWeeks(cluster.length - 1 - c);
            for (int i = 0; i < cluster[c]; i++) {
                LocalDate day = monday.plusDays(i % 5);
                if (day.isAfter(today)) {
                    day = today;
                }
                Site site = peerSites.get(i % peerSites.size());
                record(peer.get(), day, site, heroin, fentanyl, "POWDER", price(400, random),
                        BigDecimal.valueOf(8 + random.nextInt(10)), List.of("FENTANYL"), i % 2 == 0 ? "INJECTING"
                                : "SMOKING", "DRUG_CHECKING", i == 1 ? "SLOW_BREATHING" : "OVERDOSE");
                count++;
            }
        }
        earlyWarning.detect(manager.get().organisationId(), today);
        log.info("Demo drug reports: {} recorded in {} ms.", count, (System.nanoTime() - started) / 1_000_000);
    }

    private void plan(ReachUser manager) {
        earlyWarning.savePlan(manager, new PlanForm("adulterant.FENTANYL", "Fentanyl in the heroin supply", List.of(
                new ContingencyPlan.Item("Naloxone push to the affected hotspots (two kits per peer)", "Outreach lead", 1),
                new ContingencyPlan.Item("Peers warn clients with the flyer; test doses, never use alone", "Peer team", 1),
                new ContingencyPlan.Item("Notify the provincial health authority and the AIDS control programme",
                        "Programme manager", 2),
                new ContingencyPlan.Item("Extra drop-in centre hours in the evening for two weeks", "Site manager", 3))));
        earlyWarning.savePlan(manager, new PlanForm("new-substances", "A new substance on the market", List.of(
                new ContingencyPlan.Item("Send a sample for drug checking", "Site manager", 2),
                new ContingencyPlan.Item("Ask peers what clients say about its effects", "Peer team", 3))));
    }

    private void record(ReachUser by, LocalDate day, Site site, long soldAs, Long found, String form, BigDecimal price,
                        BigDecimal purity, List<String> adulterants, String route, String source, String effect) {
        earlyWarning.record(by, new DrugReportForm(UUID.randomUUID().toString(), day, site.id(), null, soldAs, found,
                form, price, purity, new ArrayList<>(adulterants), route, source, effect, null));
    }

    private static BigDecimal price(double around, Random random) {
        return BigDecimal.valueOf(Math.round(around * (0.85 + 0.3 * random.nextDouble()) / 10) * 10);
    }

    private long substance(String name) {
        return earlyWarning.substances().stream().filter(s -> s.name().equals(name)).map(Substance::id).findFirst()
                .orElseThrow();
    }

    private Optional<ReachUser> user(String username) {
        try {
            return Optional.of(signIn.loadUserByUsername(username));
        } catch (RuntimeException missing) {
            return Optional.empty();
        }
    }
}
