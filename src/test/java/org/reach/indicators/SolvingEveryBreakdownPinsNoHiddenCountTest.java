package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.HiddenCountBounds;
import org.reach.ProgrammeFixture;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The re-identification attack on indicators as linear programming. A small programme of two organisations and
 * six sites in three cities, built so that one site reached exactly one woman, beside a site of the same city with
 * six (the city's 7 less the other site's 6 is the one woman, unless suppressed together). The
 * coordinator (and the M&amp;E officer of one organisation, for its own organisation) fetch every breakdown of
 * every indicator for the quarter through the API, and then, for every hidden count, solve for its smallest and
 * largest value consistent with everything shown: every cell a non-negative unknown, shown cells fixed, every
 * breakdown adding up to the total, sites adding up to their city and their organisation, age bands to their side
 * of 25, each key population at most the total and together at least it, and numerators of percentages at most
 * their denominators. The protection rule (docs/indicators.md): no count of 1 to 4 is shown; every hidden count
 * ranges over at least 5 (the threshold) without the markers; and with them ("&lt;5" is 1 to 4) it is still not
 * pinned to one value.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SolvingEveryBreakdownPinsNoHiddenCountTest {

    private static final String PERIOD = "2026Q1";
    private static final List<String> AFFECTED = List.of("WOMEN_REACHED", "REGULAR_ACCESS", "NALOXONE_KITS",
            "LOSS_TO_FOLLOW_UP", "NON_INJECTING_SHARE");

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired Encounters encounters;

    private ProgrammeFixture world;
    private final Map<String, String> cityOfSite = new HashMap<>();
    private final Map<String, String> organisationOfSite = new HashMap<>();
    private int registered;

    @BeforeEach
    void buildASmallProgrammeWithOneWomanAtOneSite() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser system = ReachUser.system();
        String id = UUID.randomUUID().toString().substring(0, 8);
        Organisation partner = directory.createOrganisation(system, new OrganisationForm("Partner org " + id, "PK",
                List.of("ur", "en"), world.homeProgramme.id()));
        Site hyderabad = directory.createSite(system, new SiteForm(world.home.id(), "Latifabad " + id,
                SiteType.DROP_IN_CENTRE, "Latifabad", "Hyderabad", 25.38, 68.37, OpeningStatus.OPEN));
        Site qasimabad = directory.createSite(system, new SiteForm(world.home.id(), "Qasimabad " + id,
                SiteType.CLINIC, "Qasimabad", "Hyderabad", 25.4, 68.33, OpeningStatus.OPEN));
        Site saddar = directory.createSite(system, new SiteForm(partner.id(), "Saddar " + id, SiteType.CLINIC,
                "Saddar", "Karachi", 24.85, 67.03, OpeningStatus.OPEN));
        Site quetta = directory.createSite(system, new SiteForm(partner.id(), "Quetta " + id, SiteType.CLINIC,
                "Satellite Town", "Quetta", 30.2, 67.0, OpeningStatus.OPEN));
        String username = "fx" + id + ".partner";
        accounts.create(system, new AccountForm(username, "Partner manager", partner.id(), null,
                EnumSet.of(Role.ORG_MANAGER), Set.of(), "en"));
        ReachUser a = world.user(Role.ORG_MANAGER);
        ReachUser b = signIn.loadUserByUsername(username);
        place(world.homeSite, "Karachi", world.home);
        place(world.homeOtherSite, "Karachi", world.home);
        place(hyderabad, "Hyderabad", world.home);
        place(qasimabad, "Hyderabad", world.home);
        place(saddar, "Karachi", partner);
        place(quetta, "Quetta", partner);

        KeyPopulation pwid = KeyPopulation.PEOPLE_WHO_INJECT_DRUGS;
        KeyPopulation smokers = KeyPopulation.PEOPLE_WHO_USE_DRUGS_NOT_INJECTING;
        List<String> everyMonth = List.of("2026-01-10", "2026-02-10", "2026-03-10");
        // Home organisation, Karachi.
        people(a, world.homeSite, 10, Gender.MALE, pwid, Route.INJECTING, everyMonth, 1980);
        people(a, world.homeSite, 3, Gender.FEMALE, pwid, Route.INJECTING, List.of("2026-02-11"), 1990);
        people(a, world.homeOtherSite, 6, Gender.MALE, smokers, Route.SMOKING, List.of("2026-01-12", "2026-03-12"), 1975);
        people(a, world.homeOtherSite, 2, Gender.FEMALE, smokers, Route.SMOKING, List.of("2026-03-13"), 1999);
        anonymous(a, world.homeSite, "2026-02-14", 6);
        anonymous(a, world.homeOtherSite, "2026-03-14", 1);
        // Home organisation, Hyderabad: the one woman.
        people(a, hyderabad, 1, Gender.FEMALE, pwid, Route.INJECTING, List.of("2026-01-15"), 2004);
        people(a, hyderabad, 5, Gender.MALE, smokers, Route.SMOKING, everyMonth, 1985);
        people(a, hyderabad, 1, Gender.MALE, pwid, Route.INJECTING, List.of("2025-05-02"), 1982);
        anonymous(a, hyderabad, "2026-01-16", 2);
        // Six women at the other site of Hyderabad: the city's 7 less these 6 would be the one.
        people(a, qasimabad, 6, Gender.FEMALE, smokers, Route.SMOKING, List.of("2026-02-16"), 1992);
        // Partner organisation, Karachi and Quetta.
        people(b, saddar, 8, Gender.MALE, pwid, Route.INJECTING, everyMonth, 1978);
        people(b, saddar, 4, Gender.FEMALE, smokers, Route.SMOKING, List.of("2026-01-20"), 1995);
        people(b, quetta, 7, Gender.MALE, smokers, Route.SMOKING, List.of("2026-02-20"), 1970);
        people(b, quetta, 5, Gender.FEMALE, pwid, Route.INJECTING, List.of("2026-03-20"), 2001);
        people(b, quetta, 2, Gender.MALE, pwid, Route.INJECTING, List.of("2025-04-02"), 1988);
        anonymous(b, saddar, "2026-02-21", 3);
    }

    @Test
    void theCoordinatorCannotPinAnyHiddenCountOfTheProgramme() throws Exception {
        List<String> pinned = attack(world.token(Role.COORDINATOR));
        assertThat(pinned).as("hidden counts the coordinator narrows down too far").isEmpty();
    }

    @Test
    void theMAndEOfficerCannotPinAnyHiddenCountOfTheOrganisationFromItsSuppressedOutput() throws Exception {
        List<String> pinned = attack(world.token(Role.ME_OFFICER));
        assertThat(pinned).as("hidden counts the M&E officer narrows down too far in suppressed output").isEmpty();
    }

    private List<String> attack(String token) throws Exception {
        String definitions = api(token, "/api/indicators", Map.of());
        List<String> codes = JsonPath.read(definitions, "$[*].code");
        assertThat(codes).containsAll(AFFECTED);
        List<String> problems = new ArrayList<>();
        int hiddenCells = 0;
        for (String code : codes) {
            String unit = JsonPath.<List<String>>read(definitions, "$[?(@.code == '" + code + "')].unit").get(0);
            List<String> breakdowns = JsonPath.read(definitions, "$[?(@.code == '" + code + "')].disaggregations[*]");
            HiddenCountBounds lp = new HiddenCountBounds();
            Map<String, List<String>> categories = new LinkedHashMap<>();
            boolean denominators = false;
            for (String d : concat("NONE", breakdowns)) {
                String json = api(token, "/api/indicators/values", Map.of("indicator", code, "period", PERIOD,
                        "disaggregation", d));
                List<Map<String, Object>> rows = JsonPath.read(json, "$.rows");
                Map<String, Object> total = JsonPath.read(json, "$.total");
                cells(lp, "TOTAL", total);
                denominators |= lp.has("d:TOTAL");
                List<String> names = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    String name = d + "/" + row.get("category");
                    cells(lp, name, row);
                    names.add(name);
                    for (String field : List.of("numerator", "denominator")) {
                        Object shown = row.get(field);
                        if (shown instanceof String s && s.matches("[1-4]")) {
                            problems.add(code + " " + name + " " + field + " shown as " + s);
                        }
                    }
                }
                categories.put(d, names);
            }
            for (String side : denominators ? List.of("n:", "d:") : List.of("n:")) {
                relate(lp, side, categories);
            }
            if (denominators && unit.equals("PERCENT")) {
                for (List<String> names : categories.values()) {
                    for (String name : concat("TOTAL", names)) {
                        lp.atMost("n:" + name, "d:" + name);
                    }
                }
            }
            hiddenCells += lp.hiddenCount();
            for (HiddenCountBounds.Range r : lp.ranges(false)) {
                if (r.width() < SmallCellSuppression.THRESHOLD) {
                    problems.add(code + " " + r.cell() + " (" + r.shownAs() + ") lies in " + r.min() + ".." + r.max());
                }
            }
            for (HiddenCountBounds.Range r : lp.ranges(true)) {
                if (r.width() < 1e-6) {
                    problems.add(code + " " + r.cell() + " (" + r.shownAs() + ") is " + r.min() + " by its markers");
                }
            }
        }
        assertThat(hiddenCells).as("hidden cells attacked").isGreaterThan(20);
        return problems;
    }

    /** Every relation between the cells the attacker knows from the breakdowns and the places' metadata. */
    private void relate(HiddenCountBounds lp, String side, Map<String, List<String>> categories) {
        String total = side + "TOTAL";
        categories.forEach((d, names) -> {
            List<String> cells = names.stream().map(n -> side + n).toList();
            if (d.equals("KEY_POPULATION")) {
                cells.forEach(c -> lp.atMost(c, total));
                if (!cells.isEmpty()) {
                    lp.atMostSumOf(total, cells);
                }
            } else if (!d.equals("NONE")) {
                lp.sum(total, cells);
            }
        });
        List<String> sites = categories.getOrDefault("SITE", List.of());
        for (String parent : List.of("CITY", "ORGANISATION")) {
            for (String whole : categories.getOrDefault(parent, List.of())) {
                String key = whole.substring(whole.indexOf('/') + 1);
                Map<String, String> of = parent.equals("CITY") ? cityOfSite : organisationOfSite;
                List<String> parts = sites.stream().filter(s -> key.equals(of.get(s.substring(5)))).map(s -> side + s)
                        .toList();
                if (!sites.isEmpty()) {
                    lp.sum(side + whole, parts);
                }
            }
        }
        Map<String, List<String>> bandsBySide = Map.of("AGE_25/UNDER_25", List.of("UNDER_15", "15_19", "20_24"),
                "AGE_25/25_PLUS", List.of("25_49", "50_PLUS"));
        if (categories.containsKey("AGE_25") && categories.containsKey("AGE_BANDS")) {
            for (String whole : categories.get("AGE_25")) {
                List<String> bands = bandsBySide.get(whole);
                if (bands != null) {
                    lp.sum(side + whole, categories.get("AGE_BANDS").stream()
                            .filter(b -> bands.contains(b.substring(b.indexOf('/') + 1))).map(b -> side + b).toList());
                }
            }
        }
    }

    private static void cells(HiddenCountBounds lp, String name, Map<String, Object> row) {
        lp.cell("n:" + name, (String) row.get("numerator"));
        if (row.get("denominator") instanceof String den && !row.get("denominator").equals("")) {
            lp.cell("d:" + name, den);
        }
    }

    private void place(Site site, String city, Organisation organisation) {
        cityOfSite.put(String.valueOf(site.id()), city);
        organisationOfSite.put(String.valueOf(site.id()), String.valueOf(organisation.id()));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private String api(String token, String path, Map<String, String> parameters) throws Exception {
        var request = get(path).header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        parameters.forEach(request::param);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void people(ReachUser actor, Site site, int count, Gender gender, KeyPopulation kp, Route route,
                        List<String> seen, int bornFrom) {
        for (int i = 0; i < count; i++) {
            Client client = register(actor, gender, bornFrom + i, kp,
                    route == Route.INJECTING ? Drug.HEROIN : Drug.METHAMPHETAMINE, route, site.id(),
                    seen.get(0).startsWith("2025") ? "2025-03-01" : "2025-10-01");
            for (String day : seen) {
                record(actor, day, site.id(), client.id(), List.of(ServiceLine.of("INFORMATION_MATERIAL", 1)));
            }
        }
    }

    private void anonymous(ReachUser actor, Site site, String day, int kits) {
        record(actor, day, site.id(), null, List.of(ServiceLine.of("NALOXONE_KIT", kits)));
    }

    /** Codes that differ from every other in at least three of the parents' letters, so none is a near match. */
    private Client register(ReachUser actor, Gender gender, int born, KeyPopulation kp, Drug drug, Route route,
                            long site, String firstContact) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int i = registered++;
        int round = i / 26;
        String code = "" + letters.charAt(i % 26) + letters.charAt((i + 1 + 5 * round) % 26)
                + letters.charAt((i + 7 + 11 * round) % 26) + letters.charAt((i + 13 + 17 * round) % 26)
                + (gender == Gender.FEMALE ? "F" : "M") + String.format("%02d", born % 100);
        RegistrationOutcome outcome = clients.register(actor, new ClientRegistration(null, code, gender, born, Set.of(kp),
                drug, null, route, site, null, null, LocalDate.parse(firstContact), null, null, null));
        assertThat(outcome.client()).as("registration of " + code + ": " + outcome.kind()).isNotNull();
        return outcome.client();
    }

    private void record(ReachUser actor, String date, long site, Long clientId, List<ServiceLine> services) {
        encounters.record(actor, new EncounterForm(UUID.randomUUID().toString(), LocalDate.parse(date), site, null,
                clientId, null, clientId == null, services, null, null, null));
    }
}
