package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.CareStage;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.clients.StageChange;
import org.reach.organisations.OrganisationDirectory;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An attack on suppression across breakdowns. A programme coordinator (never exact counts) fetches through the
 * JSON API every indicator with every breakdown it allows and every monthly trend, for a small programme built
 * to be attackable: one woman, one transgender woman of 15, one client of unknown age among nineteen men, a
 * handful of tests and referrals. The attacker reads "&lt;5" as 1 to 4 and "*" as some count, and uses that every
 * line adds up (cells to the total, months to the period). Nothing may give away a count of 1 to 4:
 * <ol>
 *   <li>no count shown is 1 to 4;</li>
 *   <li>in every line, what the total leaves after the shown cells is spread over no hidden cell or over two or
 *       more, and the ranges the markers stand for do not pin any hidden count to one value;</li>
 *   <li>every breakdown of an indicator shows the same total, so putting two breakdowns side by side adds no
 *       equation the attacker did not already have.</li>
 * </ol>
 */
@SpringBootTest
@AutoConfigureMockMvc
class CombiningBreakdownsRevealsNoSmallCountTest {

    private static final String PERIOD = "2026Q1";
    private static final String SMALL = "<5";
    private static final String HIDDEN = "*";

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired ClientStatusChanges statusChanges;
    @Autowired Encounters encounters;
    @Autowired Referrals referrals;
    @Autowired Indicators indicators;

    private ProgrammeFixture world;
    private int registered;

    /** One line of a table or trend: the cells as shown, then the total as shown. */
    record Line(String where, List<String> cells, String total) {
    }

    @BeforeEach
    void buildAttackableProgramme() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser m = world.user(Role.ORG_MANAGER);
        long s1 = world.homeSite.id();
        long s2 = world.homeOtherSite.id();
        KeyPopulation pwid = KeyPopulation.PEOPLE_WHO_INJECT_DRUGS;
        KeyPopulation smokers = KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING;

        // Twelve men who inject, aged 30 to 41, at S1, seen every month with needles, condoms and information.
        List<Client> injecting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Client man = register(m, Gender.MALE, 1985 + i, pwid, Drug.HEROIN, Route.INJECTING, s1, "2025-10-01");
            injecting.add(man);
            for (String day : List.of("2026-01-10", "2026-02-10", "2026-03-10")) {
                List<ServiceLine> lines = new ArrayList<>(List.of(ServiceLine.of("NEEDLES_SYRINGES", 20),
                        ServiceLine.of("CONDOMS", 5), ServiceLine.of("INFORMATION_MATERIAL", 1)));
                if (i < 3 && day.endsWith("01-10")) {
                    lines.add(test(TestResult.NEGATIVE));
                }
                if (i < 2 && !day.endsWith("02-10")) {
                    lines.add(ServiceLine.of("OAT_METHADONE", 30));
                }
                if (i == 3 && day.endsWith("02-10")) {
                    lines.add(ServiceLine.of("WOUND_CARE", 1));
                }
                record(m, day, s1, man, lines);
            }
        }
        // Six men over fifty who smoke methamphetamine, at S2, seen in January and March.
        for (int i = 0; i < 6; i++) {
            Client man = register(m, Gender.MALE, 1970 + i, smokers, Drug.METHAMPHETAMINE, Route.SMOKING, s2, "2025-06-01");
            record(m, "2026-01-20", s2, man, List.of(ServiceLine.of("CONDOMS", 10), ServiceLine.of("INFORMATION_MATERIAL", 1),
                    test(i == 4 ? TestResult.POSITIVE : TestResult.NEGATIVE)));
            List<ServiceLine> march = new ArrayList<>(List.of(ServiceLine.of("CONDOMS", 10),
                    ServiceLine.of("INFORMATION_MATERIAL", 1)));
            if (i < 2) {
                march.add(ServiceLine.of("MENTAL_HEALTH_SUPPORT", 1));
            }
            record(m, "2026-03-20", s2, man, march);
        }
        // One woman who injects, 21, at S2: needles, an undisclosed test and PrEP in February, needles in March.
        Client woman = register(m, Gender.FEMALE, 2005, pwid, Drug.HEROIN, Route.INJECTING, s2, "2026-02-01");
        record(m, "2026-02-05", s2, woman, List.of(ServiceLine.of("NEEDLES_SYRINGES", 10), test(TestResult.NOT_DISCLOSED),
                ServiceLine.of("PREP", 1)));
        record(m, "2026-03-05", s2, woman, List.of(ServiceLine.of("NEEDLES_SYRINGES", 10)));
        // A second woman, last seen in May 2025: lost to follow-up.
        Client lostWoman = register(m, Gender.FEMALE, 1990, pwid, Drug.HEROIN, Route.INJECTING, s2, "2025-03-01");
        record(m, "2025-05-01", s2, lostWoman, List.of(ServiceLine.of("NEEDLES_SYRINGES", 10)));
        // One transgender woman of 15 who smokes, at S1, seen once in March.
        Client young = register(m, Gender.TRANSGENDER_WOMAN, 2011, smokers, Drug.METHAMPHETAMINE, Route.SMOKING, s1,
                "2026-03-01");
        record(m, "2026-03-03", s1, young, List.of(ServiceLine.of("CONDOMS", 5), ServiceLine.of("INFORMATION_MATERIAL", 1),
                test(TestResult.NEGATIVE)));
        // A man whose age, drug and route were not recorded.
        Client unknown = register(m, Gender.MALE, null, pwid, null, null, s1, "2026-01-05");
        record(m, "2026-01-05", s1, unknown, List.of(ServiceLine.of("NEEDLES_SYRINGES", 15)));
        // A man last seen in 2024.
        Client lostMan = register(m, Gender.MALE, 1980, pwid, Drug.HEROIN, Route.INJECTING, s1, "2024-06-01");
        record(m, "2024-06-01", s1, lostMan, List.of(ServiceLine.of("NEEDLES_SYRINGES", 10)));
        // Anonymous contacts.
        record(m, "2026-02-01", s2, null, List.of(ServiceLine.of("NEEDLES_SYRINGES", 7), ServiceLine.of("NALOXONE_KIT", 6)));
        record(m, "2026-03-01", s1, null, List.of(ServiceLine.of("NALOXONE_KIT", 2), ServiceLine.of("WOUND_CARE", 1)));

        statusChanges.changeStage(m, injecting.get(0).id(), new StageChange(CareStage.TREATMENT, LocalDate.parse("2026-03-10"), null));
        statusChanges.changeStage(m, injecting.get(1).id(), new StageChange(CareStage.TREATMENT, LocalDate.parse("2026-03-12"), null));
        Referral completed = referrals.refer(m, new ReferralForm(injecting.get(2).id(), null, ProviderType.ART_CLINIC,
                "Civil Hospital", null, LocalDate.parse("2026-02-10")));
        referrals.accept(m, completed.id(), new ReferralStep(LocalDate.parse("2026-02-12"), null));
        referrals.complete(m, completed.id(), new ReferralStep(LocalDate.parse("2026-02-20"), null));
        Referral accepted = referrals.refer(m, new ReferralForm(woman.id(), null, ProviderType.OAT_CENTRE, "OAT centre",
                null, LocalDate.parse("2026-02-05")));
        referrals.accept(m, accepted.id(), new ReferralStep(LocalDate.parse("2026-02-15"), null));

        indicators.saveDenominator(m, new DenominatorForm(null, Denominator.Population.PEOPLE_WHO_INJECT_DRUGS, "Lyari",
                2026, 60, null));
        indicators.saveDenominator(m, new DenominatorForm(null, Denominator.Population.OPIOID_DEPENDENT, "Lyari",
                2026, 80, null));
    }

    @Test
    void noBreakdownTrendOrCombinationOfThemGivesAwayACountOfOneToFour() throws Exception {
        String token = world.token(Role.COORDINATOR);
        String definitions = api(token, "/api/indicators", Map.of());
        List<String> codes = JsonPath.read(definitions, "$[*].code");
        assertThat(codes).hasSizeGreaterThanOrEqualTo(20);

        List<Line> lines = new ArrayList<>();
        List<String> shownCounts = new ArrayList<>();
        List<String> disagreeingTotals = new ArrayList<>();
        int tables = 0;
        for (String code : codes) {
            List<String> allowed = JsonPath.read(definitions, "$[?(@.code == '" + code + "')].disaggregations[*]");
            List<String> breakdowns = new ArrayList<>(List.of(Disaggregation.NONE.name()));
            allowed.stream().filter(d -> !breakdowns.contains(d)).forEach(breakdowns::add);
            Map<String, String> totals = new LinkedHashMap<>();
            for (String d : breakdowns) {
                String json = api(token, "/api/indicators/values", Map.of("indicator", code, "period", PERIOD,
                        "disaggregation", d));
                assertThat(JsonPath.<String>read(json, "$.disaggregation")).isEqualTo(d);
                tables++;
                String where = code + " by " + d;
                List<Map<String, Object>> rows = JsonPath.read(json, "$.rows");
                Map<String, Object> total = JsonPath.read(json, "$.total");
                lines.add(line(where + " (numerators)", rows, total, "numerator"));
                lines.add(line(where + " (denominators)", rows, total, "denominator"));
                for (Map<String, Object> row : concat(rows, total)) {
                    shownCounts.add(where + " " + row.get("category") + " numerator " + row.get("numerator"));
                    shownCounts.add(where + " " + row.get("category") + " denominator " + row.get("denominator"));
                }
                totals.put(d, total.get("numerator") + " / " + total.get("denominator") + " = " + total.get("value"));
            }
            // (c) The same indicator and period has one total, whichever breakdown shows it.
            if (totals.values().stream().distinct().count() > 1) {
                disagreeingTotals.add(code + " " + totals);
            }

            String trend = api(token, "/api/indicators/trend", Map.of("indicator", code, "period", PERIOD));
            List<Map<String, Object>> points = JsonPath.read(trend, "$.points");
            assertThat(points).hasSize(3);
            Map<String, Object> whole = JsonPath.read(api(token, "/api/indicators/values", Map.of("indicator", code,
                    "period", PERIOD, "disaggregation", "NONE")), "$.total");
            lines.add(line(code + " by month (numerators)", points, whole, "numerator"));
            lines.add(line(code + " by month (denominators)", points, whole, "denominator"));
            for (Map<String, Object> point : points) {
                shownCounts.add(code + " " + point.get("category") + " numerator " + point.get("numerator"));
                shownCounts.add(code + " " + point.get("category") + " denominator " + point.get("denominator"));
            }
        }

        // The attack had something to attack: small cells were hidden, and some only to protect others.
        String all = String.join("\n", shownCounts);
        assertThat(all.split(" <5", -1).length - 1).as("cells shown as <5").isGreaterThan(30);
        assertThat(all.split(" \\*", -1).length - 1).as("cells hidden as *").isGreaterThan(5);
        assertThat(tables).isGreaterThan(codes.size() * 3);

        // (a) No count of 1 to 4 is shown anywhere.
        assertThat(shownCounts).as("counts of 1 to 4 shown").noneMatch(s -> s.matches(".* [1-4]"));
        // (c)
        assertThat(disagreeingTotals).as("indicators whose total differs between breakdowns").isEmpty();
        // (b) No line lets a hidden count be worked out.
        List<String> derivable = new ArrayList<>();
        for (Line line : lines) {
            derivable.addAll(attack(line));
        }
        assertThat(derivable).as("hidden counts an attacker can work out").isEmpty();
    }

    /**
     * What an attacker learns from one line. With the total shown, the hidden cells add up to the total minus the
     * shown cells: one hidden cell alone is then known, and so is any hidden cell whose range ("&lt;5" is 1 to 4,
     * "*" anything from 0 up to that rest) leaves it one possible value (two cells of "&lt;5" that share a rest of 2
     * are both 1). With the total hidden, the cells must not all be shown, or they give the total away.
     */
    private static List<String> attack(Line line) {
        List<Integer> hidden = new ArrayList<>();
        long shown = 0;
        for (int i = 0; i < line.cells().size(); i++) {
            String cell = line.cells().get(i);
            if (cell == null) {
                continue;
            }
            if (isHidden(cell)) {
                hidden.add(i);
            } else {
                shown += Long.parseLong(cell);
            }
        }
        if (line.total() == null) {
            return List.of();
        }
        if (isHidden(line.total())) {
            return hidden.isEmpty() && !line.cells().stream().allMatch(c -> c == null)
                    ? List.of(line.where() + ": the hidden total is the sum of the shown cells " + line.cells())
                    : List.of();
        }
        long rest = Long.parseLong(line.total()) - shown;
        if (hidden.size() == 1) {
            return List.of(line.where() + ": the one hidden cell is " + rest + " " + line.cells() + " total " + line.total());
        }
        List<String> found = new ArrayList<>();
        for (int i : hidden) {
            BitSet others = new BitSet();
            others.set(0);
            for (int j : hidden) {
                if (j != i) {
                    others = addRange(others, range(line.cells().get(j), rest), rest);
                }
            }
            long[] mine = range(line.cells().get(i), rest);
            List<Long> possible = new ArrayList<>();
            for (long v = mine[0]; v <= mine[1]; v++) {
                if (rest - v >= 0 && others.get((int) (rest - v))) {
                    possible.add(v);
                }
            }
            if (possible.size() == 1) {
                found.add(line.where() + ": hidden cell " + i + " can only be " + possible.get(0) + " " + line.cells()
                        + " total " + line.total());
            }
        }
        return found;
    }

    private static long[] range(String marker, long rest) {
        return SMALL.equals(marker) ? new long[] {1, 4} : new long[] {0, Math.max(0, rest)};
    }

    /** Every sum of a value from {@code sums} and one from the range, up to {@code limit}. */
    private static BitSet addRange(BitSet sums, long[] range, long limit) {
        BitSet next = new BitSet();
        for (int s = sums.nextSetBit(0); s >= 0 && s <= limit; s = sums.nextSetBit(s + 1)) {
            for (long v = range[0]; v <= range[1] && s + v <= limit; v++) {
                next.set((int) (s + v));
            }
        }
        return next;
    }

    private static boolean isHidden(String cell) {
        return SMALL.equals(cell) || HIDDEN.equals(cell);
    }

    private static Line line(String where, List<Map<String, Object>> rows, Map<String, Object> total, String field) {
        List<String> cells = rows.stream().map(r -> (String) r.get(field)).toList();
        return new Line(where, cells, (String) total.get(field));
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> rows, Map<String, Object> total) {
        List<Map<String, Object>> all = new ArrayList<>(rows);
        all.add(total);
        return all;
    }

    private String api(String token, String path, Map<String, String> parameters) throws Exception {
        var request = get(path).header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        parameters.forEach(request::param);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static ServiceLine test(TestResult result) {
        return new ServiceLine("HIV_TEST", 1, result, false);
    }

    /** Codes whose parents' letters differ from every other client's in every place, so none is a near match. */
    private Client register(ReachUser actor, Gender gender, Integer born, KeyPopulation kp, Drug drug, Route route,
                            long site, String firstContact) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int i = registered++;
        String code = "" + letters.charAt(i % 26) + letters.charAt((i + 1) % 26) + letters.charAt((i + 7) % 26)
                + letters.charAt((i + 13) % 26) + switch (gender) {
                    case FEMALE -> "F";
                    case TRANSGENDER_WOMAN -> "T";
                    default -> "M";
                } + (born == null ? "99" : String.format("%02d", born % 100));
        RegistrationOutcome outcome = clients.register(actor, new ClientRegistration(null, code, gender, born, Set.of(kp),
                drug, null, route, site, null, null, LocalDate.parse(firstContact), null, null, null));
        assertThat(outcome.client()).as("registration of " + code + ": " + outcome.kind()).isNotNull();
        return outcome.client();
    }

    private void record(ReachUser actor, String date, long site, Client client, List<ServiceLine> services) {
        encounters.record(actor, new EncounterForm(UUID.randomUUID().toString(), LocalDate.parse(date), site, null,
                client == null ? null : client.id(), null, client == null, services, null, null, null));
    }
}
