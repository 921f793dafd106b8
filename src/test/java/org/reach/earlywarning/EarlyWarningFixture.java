package org.reach.earlywarning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.reach.ProgrammeFixture;
import org.reach.accounts.SignIn;
import org.reach.earlywarning.store.EarlyWarningStore;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Drug reports with a fentanyl alert in the home and in the foreign organisation of a {@link ProgrammeFixture}, and
 * fresh alerts for tests that act on one alert per call.
 */
public final class EarlyWarningFixture {

    public final long homeReport;
    public final long foreignReport;
    public final long homeAlert;
    public final long foreignAlert;
    public final long foreignStep;
    public final long heroin;
    private final ProgrammeFixture world;
    private final EarlyWarningStore store;
    private final EarlyWarning earlyWarning;

    public EarlyWarningFixture(ProgrammeFixture world, SignIn signIn, EarlyWarning earlyWarning, EarlyWarningStore store) {
        this.world = world;
        this.store = store;
        this.earlyWarning = earlyWarning;
        heroin = earlyWarning.substances().stream().filter(s -> s.name().equals("Heroin")).findFirst().orElseThrow().id();
        ReachUser homePeer = world.user(Role.OUTREACH_WORKER);
        ReachUser foreignPeer = signIn.reload(world.foreignPeer.id()).orElseThrow();
        homeReport = cluster(homePeer, world.homeSite.id());
        foreignReport = cluster(foreignPeer, world.foreignSite.id());
        homeAlert = alertOf(world.home.id());
        foreignAlert = alertOf(world.foreign.id());
        store.savePlan(world.foreign.id(), "adulterant.FENTANYL", "Plan " + world.marker,
                List.of(new ContingencyPlan.Item("Warn peers " + world.marker, "lead", 1)), java.time.Instant.now());
        store.addStep(foreignAlert, 0, "Warn peers " + world.marker, "lead", earlyWarning.today());
        foreignStep = store.steps(foreignAlert).get(0).id();
    }

    /** Eight quiet weeks, then two fentanyl reports this week: C1 alarms. Returns the last report. */
    private long cluster(ReachUser peer, long site) {
        LocalDate week = EarlyWarning.weekOf(earlyWarning.today());
        for (int w = 8; w >= 1; w--) {
            report(peer, site, week.minusWeeks(w).plusDays(1), List.of());
        }
        report(peer, site, earlyWarning.today(), List.of("FENTANYL"));
        return report(peer, site, earlyWarning.today(), List.of("FENTANYL"));
    }

    private long report(ReachUser peer, long site, LocalDate on, List<String> adulterants) {
        return earlyWarning.record(peer, new DrugReportForm(UUID.randomUUID().toString(), on, site, null, heroin, null,
                "POWDER", new BigDecimal("150"), null, adulterants, "INJECTING", "PEER", null, null)).report().id();
    }

    private long alertOf(long organisation) {
        return store.alerts(organisation, true, 50).stream().filter(a -> a.series().equals("adulterant.FENTANYL"))
                .findFirst().orElseThrow().id();
    }

    /** A new open alert of the home organisation, for a week long past so that each call gets its own. */
    public long freshAlert(int n) {
        LocalDate week = EarlyWarning.weekOf(earlyWarning.today()).minusWeeks(200 + n);
        return store.insertAlert(new EarlyWarningStore.NewAlert(world.home.id(), "adulterant.FENTANYL", "Karachi", week,
                3, 1.5, "C1", "LOW", "C1;" + week + ":3:1.5"), List.of(), java.time.Instant.now());
    }

    /** A fresh home alert with one plan step not yet done: {alert, step}. */
    public long[] freshStep(int n) {
        long alert = freshAlert(n);
        store.addStep(alert, 0, "Naloxone push", "outreach lead", earlyWarning.today());
        return new long[] {alert, store.steps(alert).get(0).id()};
    }
}
