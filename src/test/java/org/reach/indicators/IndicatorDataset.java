package org.reach.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.reach.ProgrammeFixture;
import org.reach.clients.CareStage;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.clients.ClientStatus;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.clients.StageChange;
import org.reach.clients.StatusChange;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ProviderType;
import org.reach.services.Referral;
import org.reach.services.ReferralForm;
import org.reach.services.ReferralStep;
import org.reach.services.Referrals;
import org.reach.services.ServiceLine;
import org.reach.services.TestResult;

/**
 * A small hand-built dataset for the home organisation of a {@link ProgrammeFixture}, recorded through the
 * public services with explicit dates, plus a foreign client with large numbers that must never appear.
 * The expected value of every indicator for 2026 Q1 (1 January – 31 March, 90 days) is worked out by hand
 * in {@code IndicatorsTest}. Sites: S1 = home site, S2 = home other site.
 *
 * <pre>
 * client  sex   born  key population  drug/route        site first contact
 * A       M     1990  PWID            heroin/injecting  S1   2025-12-01
 * B       F     2004  PWID            heroin/injecting  S1   2026-01-05
 * C       M     1970  not injecting   meth/smoking      S2   2026-01-10
 * D       TW    1985  PWID            heroin/injecting  S1   2025-01-10
 * E       M     1995  PWID            heroin/injecting  S2   2025-08-01
 * F       M     1980  PWID            heroin/injecting  S1   2025-08-15 (exited 2026-01-05)
 *
 * encounters
 * A 2026-01-10 S1 needles 50, condoms 10, information 1, HIV test negative
 * A 2026-02-10 S1 needles 30, wound care
 * A 2026-03-10 S1 needles 20, methadone 30 dose days (covers 10 Mar – 8 Apr)
 * B 2026-01-20 S1 needles 40, HIV test not disclosed, PrEP
 * B 2026-03-05 S1 dental care, shower, food 1
 * C 2026-02-15 S2 condoms 5, information 1, HIV test positive, mental-health support
 * D 2025-03-01 S1 needles 10
 * E 2025-08-01 S2 methadone 28; 2026-01-20 S2 methadone 28 (covers 20 Jan – 16 Feb)
 * F 2025-08-15 S1 methadone 30
 * anonymous 2026-02-01 S2 needles 100, naloxone 2; 2026-03-01 S1 naloxone 3, wound care
 *
 * stage: A to treatment 2026-03-10; E to life stability 2025-12-01
 * referrals: A 2026-01-10 completed 2026-02-01; B 2026-02-01 accepted; C 2025-12-01 completed
 * size estimates 2026: people who inject drugs 10, opioid dependent 50
 * foreign organisation: a client with needles 999 and naloxone 99 on 2026-02-01, estimate 5
 * </pre>
 */
public final class IndicatorDataset {

    public final Client a;
    public final Client b;
    public final Client c;
    public final Client d;
    public final Client e;
    public final Client f;

    public IndicatorDataset(ProgrammeFixture world, ClientRegistry clients, ClientStatusChanges statusChanges,
                            Encounters encounters, Referrals referrals, Indicators indicators, ReachUser foreignManager,
                            ReachUser foreignPeer) {
        ReachUser m = world.user(Role.ORG_MANAGER);
        long s1 = world.homeSite.id();
        long s2 = world.homeOtherSite.id();
        a = register(clients, m, "KAPLM90", Gender.MALE, 1990, KeyPopulation.PEOPLE_WHO_INJECT_DRUGS, Drug.HEROIN,
                Route.INJECTING, s1, "2025-12-01");
        b = register(clients, m, "ZUWEF04", Gender.FEMALE, 2004, KeyPopulation.PEOPLE_WHO_INJECT_DRUGS, Drug.HEROIN,
                Route.INJECTING, s1, "2026-01-05");
        c = register(clients, m, "BORTM70", Gender.MALE, 1970, KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING,
                Drug.METHAMPHETAMINE, Route.SMOKING, s2, "2026-01-10");
        d = register(clients, m, "YIQAT85", Gender.TRANSGENDER_WOMAN, 1985, KeyPopulation.PEOPLE_WHO_INJECT_DRUGS,
                Drug.HEROIN, Route.INJECTING, s1, "2025-01-10");
        e = register(clients, m, "DEXUM95", Gender.MALE, 1995, KeyPopulation.PEOPLE_WHO_INJECT_DRUGS, Drug.HEROIN,
                Route.INJECTING, s2, "2025-08-01");
        f = register(clients, m, "NOFIM80", Gender.MALE, 1980, KeyPopulation.PEOPLE_WHO_INJECT_DRUGS, Drug.HEROIN,
                Route.INJECTING, s1, "2025-08-15");

        record(encounters, m, "2026-01-10", s1, a, line("NEEDLES_SYRINGES", 50), line("CONDOMS", 10),
                line("INFORMATION_MATERIAL", 1), test(TestResult.NEGATIVE));
        record(encounters, m, "2026-02-10", s1, a, line("NEEDLES_SYRINGES", 30), line("WOUND_CARE", 1));
        record(encounters, m, "2026-03-10", s1, a, line("NEEDLES_SYRINGES", 20), line("OAT_METHADONE", 30));
        record(encounters, m, "2026-01-20", s1, b, line("NEEDLES_SYRINGES", 40), test(TestResult.NOT_DISCLOSED),
                line("PREP", 1));
        record(encounters, m, "2026-03-05", s1, b, line("DENTAL_CARE", 1), line("SHOWER", 1), line("FOOD", 1));
        record(encounters, m, "2026-02-15", s2, c, line("CONDOMS", 5), line("INFORMATION_MATERIAL", 1),
                test(TestResult.POSITIVE), line("MENTAL_HEALTH_SUPPORT", 1));
        record(encounters, m, "2025-03-01", s1, d, line("NEEDLES_SYRINGES", 10));
        record(encounters, m, "2025-08-01", s2, e, line("OAT_METHADONE", 28));
        record(encounters, m, "2026-01-20", s2, e, line("OAT_METHADONE", 28));
        record(encounters, m, "2025-08-15", s1, f, line("OAT_METHADONE", 30));
        record(encounters, m, "2026-02-01", s2, null, line("NEEDLES_SYRINGES", 100), line("NALOXONE_KIT", 2));
        record(encounters, m, "2026-03-01", s1, null, line("NALOXONE_KIT", 3), line("WOUND_CARE", 1));

        clients.changeStatus(m, f.id(), new StatusChange(ClientStatus.EXITED, LocalDate.parse("2026-01-05"), "Moved"));
        statusChanges.changeStage(m, a.id(), new StageChange(CareStage.TREATMENT, LocalDate.parse("2026-03-10"), null));
        statusChanges.changeStage(m, e.id(), new StageChange(CareStage.LIFE_STABILITY, LocalDate.parse("2025-12-01"), null));

        Referral ra = referrals.refer(m, new ReferralForm(a.id(), null, ProviderType.ART_CLINIC, "Civil Hospital", null,
                LocalDate.parse("2026-01-10")));
        referrals.accept(m, ra.id(), new ReferralStep(LocalDate.parse("2026-01-15"), null));
        referrals.complete(m, ra.id(), new ReferralStep(LocalDate.parse("2026-02-01"), null));
        Referral rb = referrals.refer(m, new ReferralForm(b.id(), null, ProviderType.OAT_CENTRE, "OAT centre", null,
                LocalDate.parse("2026-02-01")));
        referrals.accept(m, rb.id(), new ReferralStep(LocalDate.parse("2026-02-10"), null));
        Referral rc = referrals.refer(m, new ReferralForm(c.id(), null, ProviderType.DENTAL, "Dentist", null,
                LocalDate.parse("2025-12-01")));
        referrals.accept(m, rc.id(), new ReferralStep(LocalDate.parse("2025-12-10"), null));
        referrals.complete(m, rc.id(), new ReferralStep(LocalDate.parse("2025-12-20"), null));

        indicators.saveDenominator(m, new DenominatorForm(null, Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, "Lyari",
                2026, 10, "Mapping 2025"));
        indicators.saveDenominator(m, new DenominatorForm(null, Denominator.Population.OPIOID_DEPENDENT, "Lyari", 2026,
                50, null));

        Client foreign = register(clients, foreignManager, "WAXIM88", Gender.FEMALE, 1988,
                KeyPopulation.PEOPLE_WHO_INJECT_DRUGS, Drug.HEROIN, Route.INJECTING, world.foreignSite.id(), "2026-01-01");
        record(encounters, foreignPeer, "2026-02-01", world.foreignSite.id(), foreign, line("NEEDLES_SYRINGES", 999),
                line("NALOXONE_KIT", 99));
        indicators.saveDenominator(foreignManager, new DenominatorForm(null,
                Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, "Area " + world.marker, 2026, 5, null));
    }

    private static ServiceLine line(String code, int quantity) {
        return ServiceLine.of(code, quantity);
    }

    private static ServiceLine test(TestResult result) {
        return new ServiceLine("HIV_TEST", 1, result, false);
    }

    private static Client register(ClientRegistry clients, ReachUser actor, String code, Gender gender, int born,
                                   KeyPopulation kp, Drug drug, Route route, long site, String firstContact) {
        RegistrationOutcome outcome = clients.register(actor, new ClientRegistration(null, code, gender, born, Set.of(kp),
                drug, null, route, site, null, null, LocalDate.parse(firstContact), null, null, null));
        if (outcome.client() == null) {
            throw new IllegalStateException("registration of " + code + " needs a decision: " + outcome.kind());
        }
        return outcome.client();
    }

    private static void record(Encounters encounters, ReachUser actor, String date, long site, Client client,
                               ServiceLine... lines) {
        List<ServiceLine> services = new ArrayList<>(List.of(lines));
        encounters.record(actor, new EncounterForm(UUID.randomUUID().toString(), LocalDate.parse(date), site, null,
                client == null ? null : client.id(), null, client == null, services, null, null, null));
    }
}
