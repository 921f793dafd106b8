package org.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientRegistrations;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

/**
 * The whole serve journey on the demo data, in English and in Urdu: a peer registers a walk-in client past a
 * near-duplicate warning, records that the client had moved away, records an encounter with three services
 * (which brings the client back in contact), makes a referral that is accepted and completed, and finds all
 * of it on the client's timeline in the chosen language.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class ServingAClientBrowserTest extends BrowserJourney {

    private static final String PROVIDER = "Civil Hospital ART clinic";
    private static final String REASON = "Moved to another district";

    @Autowired Clock clock;
    @Autowired ClientRegistry registry;
    @Autowired ClientRegistrations registrations;
    @Autowired SignIn signIn;
    @Autowired MessageSource messages;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "ur"})
    void aPeerRegistersServesAndRefersAClientAndSeesItAllOnTheTimeline(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        ReachUser peer = signIn.loadUserByUsername("karachi.peer");
        String[] codes = unusedCodePair(peer);
        String code = codes[0];
        String similar = codes[1];
        RegistrationOutcome earlier = registry.register(peer, new ClientRegistration(null, similar, Gender.MALE,
                birthYear(similar), Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING,
                peer.siteIds().iterator().next(), null, null, LocalDate.now(clock).minusMonths(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null));
        long similarId = earlier.client().id();

        browser.open("/login");
        browser.type("#username", "karachi.peer").type("#password", PASSWORD).clickAndLoad("#sign-in");

        // register through the page: the near match is shown and rejected as a different person
        browser.open("/clients/new?lang=" + lang);
        assertThat(browser.waitFor("html").getAttribute("dir")).isEqualTo("ur".equals(lang) ? "rtl" : "ltr");
        assertThat(browser.waitFor("html").getAttribute("lang")).isEqualTo(lang);
        browser.click("details summary");
        browser.type("#code", code);
        browser.driver().findElement(By.cssSelector("#gender option[value=\"MALE\"]")).click();
        browser.type("#birthYear", String.valueOf(birthYear(code)));
        browser.click("input[name=\"keyPopulations\"][value=\"PEOPLE_WHO_INJECT_DRUGS\"]");
        browser.clickAndLoad("#register");
        WebElement warning = browser.waitFor(".card[role=\"alert\"]");
        assertThat(warning.getText()).contains(similar)
                .contains(messages.getMessage("client.nearMatches.title", null, locale));
        assertThat(browser.path()).isEqualTo("/clients/new");
        browser.click("input[name=\"decision\"][value=\"DIFFERENT\"]");
        browser.clickAndLoad("#register");
        assertThat(browser.path()).matches("/clients/\\d+");
        long clientId = Long.parseLong(browser.path().substring("/clients/".length()));
        assertThat(browser.text("h1")).contains(code);
        String stored = registry.client(peer, clientId).uic();
        assertThat(stored).as("with its check character").isEqualTo(org.reach.clients.uic.UicCodes.withCheckCharacter(code));
        assertThat(clientId).isNotEqualTo(similarId);
        assertThat(registry.findByUic(peer, code)).map(Client::id).contains(clientId);
        assertThat(registrations.duplicateDecisions(peer, code)).containsEntry(similarId, DuplicateDecision.REJECTED_DIFFERENT);

        // the client had moved away for a while
        browser.clickAndLoad("a[href=\"/clients/" + clientId + "/status\"]");
        browser.driver().findElement(By.cssSelector("#status option[value=\"TRANSFERRED\"]")).click();
        browser.type("#reason", REASON);
        browser.clickAndLoad("form.stacked button[type=\"submit\"]");
        assertThat(browser.path()).isEqualTo("/clients/" + clientId);

        // an encounter with three services, the code filled in from the client's page
        browser.clickAndLoad("#record-encounter");
        assertThat(browser.path()).isEqualTo("/encounters/new");
        assertThat(browser.waitFor("#clientCode").getAttribute("value")).isEqualTo(stored);
        browser.waitFor("#client-status .badge");
        List<WebElement> boxes = browser.driver().findElements(
                By.cssSelector(".services-grid > .service input[type=\"number\"][name^=\"quantities[\"]"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(3);
        List<String> serviceNames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WebElement box = boxes.get(i);
            box.clear();
            box.sendKeys(String.valueOf(10 - 3 * i));
            String serviceCode = box.getAttribute("id").substring("q-".length());
            serviceNames.add(messages.getMessage("service." + serviceCode, null, locale));
        }
        browser.clickAndLoad("form.quick .actions button[type=\"submit\"]");
        browser.waitFor("#saved");
        browser.clickAndLoad("#saved a");
        assertThat(browser.path()).matches("/encounters/\\d+");
        assertThat(browser.text("#client a")).isEqualTo(stored);
        assertThat(browser.waitFor("#client a").getAttribute("href")).endsWith("/clients/" + clientId);
        browser.open("/encounters");
        assertThat(browser.text("table")).contains(code);

        // a referral, accepted and then completed
        browser.open("/referrals/new?client=" + clientId);
        assertThat(browser.text("#client")).contains(code);
        browser.driver().findElement(By.cssSelector("#providerType option[value=\"ART_CLINIC\"]")).click();
        browser.type("#providerName", PROVIDER);
        browser.clickAndLoad("form.stacked .actions button[type=\"submit\"]");
        assertThat(browser.path()).matches("/referrals/\\d+");
        String referral = browser.path();
        assertThat(browser.text("#client a")).isEqualTo(stored);
        browser.clickAndLoad("form[action$=\"/accept\"] button[type=\"submit\"]");
        assertThat(browser.text("#status")).isEqualTo(messages.getMessage("referralStatus.ACCEPTED", null, locale));
        browser.type("#note-complete", "Started treatment");
        browser.clickAndLoad("form[action$=\"/complete\"] button[type=\"submit\"]");
        assertThat(browser.path()).isEqualTo(referral);
        assertThat(browser.text("#status")).isEqualTo(messages.getMessage("referralStatus.COMPLETED", null, locale));

        // everything on the timeline, in the reader's language
        browser.open("/clients/" + clientId);
        assertThat(browser.waitFor("html").getAttribute("dir")).isEqualTo("ur".equals(lang) ? "rtl" : "ltr");
        String timeline = browser.text("ol.timeline");
        String site = registry.profile(peer, clientId).enrolmentSiteName();
        assertThat(timeline).contains(
                message("timeline.registered", locale, site),
                message("timeline.status.TRANSFERRED", locale, REASON),
                message("timeline.status.ACTIVE", locale, "—"),
                message("timeline.referralMade", locale, PROVIDER),
                message("timeline.referralAccepted", locale, PROVIDER),
                message("timeline.referralCompleted", locale, PROVIDER));
        for (String kind : List.of("registration", "status", "encounter", "referral")) {
            assertThat(browser.driver().findElements(By.cssSelector("ol.timeline li[data-kind=\"" + kind + "\"]")))
                    .as(kind).isNotEmpty();
        }
        String encounter = browser.text("ol.timeline li[data-kind=\"encounter\"]");
        assertThat(encounter).contains(message("timeline.encounter", locale, 3, "").strip()).contains(serviceNames);
        List<String> referralSteps = browser.driver().findElements(By.cssSelector("ol.timeline li[data-kind=\"referral\"]"))
                .stream().map(WebElement::getText).toList();
        assertThat(referralSteps).as("newest first").hasSize(3);
        assertThat(referralSteps.get(0)).contains(message("timeline.referralCompleted", locale, PROVIDER));
        assertThat(referralSteps.get(2)).contains(message("timeline.referralMade", locale, PROVIDER));
        List<WebElement> entries = browser.driver().findElements(By.cssSelector("ol.timeline li"));
        assertThat(entries.get(entries.size() - 1).getAttribute("data-kind")).as("the registration comes first in time")
                .isEqualTo("registration");
        browser.script("document.querySelector('ol.timeline').scrollIntoView()");
        browser.screenshot("serving-a-client-timeline-" + lang);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** A new code and one a character away from it, neither of them registered yet. */
    private String[] unusedCodePair(ReachUser peer) {
        Random random = new Random();
        while (true) {
            String letters = "" + letter(random) + letter(random) + letter(random) + letter(random);
            String digits = String.valueOf(80 + random.nextInt(20));
            String code = letters + "M" + digits;
            char last = letters.charAt(3) == 'Z' ? 'A' : (char) (letters.charAt(3) + 1);
            String similar = letters.substring(0, 3) + last + "M" + digits;
            if (registry.findByUic(peer, code).isEmpty() && registry.findByUic(peer, similar).isEmpty()) {
                return new String[] {code, similar};
            }
        }
    }

    private static int birthYear(String code) {
        return 1900 + Integer.parseInt(code.substring(code.length() - 2));
    }

    private static char letter(Random random) {
        return (char) ('A' + random.nextInt(26));
    }
}
