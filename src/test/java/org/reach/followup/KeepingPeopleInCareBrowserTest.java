package org.reach.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reach.Browser;
import org.reach.BrowserJourney;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSettings;
import org.reach.clients.ClientStatus;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The journey on the demo: Karachi's peer opens the morning list on a phone-sized window, records a failed
 * and then a successful tracing attempt, and the client is active again; Karachi's manager transfers a client to
 * Mombasa sharing only the code and the OAT dose, and Mombasa's manager confirms the arrival seeing only those.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class KeepingPeopleInCareBrowserTest extends BrowserJourney {

    @Autowired ClientRegistry clients;
    @Autowired SignIn signIn;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final Random random = new Random();

    private Client register(ReachUser actor, LocalDate firstContact, Set<KeyPopulation> keyPopulations) {
        String code = "" + letter() + letter() + letter() + letter() + "M" + (10 + random.nextInt(90));
        return clients.register(actor, new ClientRegistration(null, code, Gender.MALE, 1987, keyPopulations, Drug.HEROIN,
                null, Route.INJECTING, actor.siteIds().isEmpty() ? clients.enrolmentSites(actor).get(0).id()
                        : actor.siteIds().iterator().next(), "Hotspot " + code, null, firstContact, null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    private char letter() {
        return (char) ('A' + random.nextInt(26));
    }

    private void signInAs(String username) {
        browser.open("/login");
        browser.type("#username", username).type("#password", PASSWORD).clickAndLoad("#sign-in");
    }

    private void newBrowser() {
        browser.close();
        browser = Browser.forLocalPort(port);
    }

    @Test
    void aPeerTracesSomeoneBackToCareAndAManagerTransfersAClientWithOnlyWhatTheyConsentedTo() {
        ReachUser peer = signIn.loadUserByUsername("karachi.peer");
        ClientSettings rule = clients.statusRules(Set.of(peer.organisationId())).get(peer.organisationId());
        Client slipping = register(peer, rule.lostBefore(today).plusDays(3), Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS));
        assertThat(clients.client(peer, slipping.id()).status()).isEqualTo(ClientStatus.DEFAULTER);

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        signInAs("karachi.peer");
        browser.open("/followup?lang=en");
        String card = "#worklist li[data-client='" + slipping.id() + "']";
        browser.waitFor(card);
        assertThat(browser.text(card + " .reasons")).contains("lost to follow-up from");
        Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("the list fits a phone").isEqualTo(false);

        browser.clickAndLoad(card + " a.button");
        new Select(browser.waitFor("#method")).selectByValue("PHONE");
        new Select(browser.waitFor("#outcome")).selectByValue("NOT_FOUND");
        browser.clickAndLoad("#save-attempt");
        assertThat(browser.text("#client-status")).isEqualTo("Defaulter");

        browser.clickAndLoad("#record-attempt");
        new Select(browser.waitFor("#method")).selectByValue("HOTSPOT_VISIT");
        new Select(browser.waitFor("#outcome")).selectByValue("FOUND_RETURNED");
        browser.type("#note", "Met at the tea stall");
        browser.clickAndLoad("#save-attempt");
        assertThat(browser.text("#client-status")).isEqualTo("Active");
        assertThat(browser.driver().findElements(By.cssSelector("#attempts tr[data-outcome]"))).hasSize(2);
        assertThat(clients.client(peer, slipping.id()).status()).isEqualTo(ClientStatus.ACTIVE);

        // Karachi's manager transfers another client to Mombasa, sharing the code and the OAT dose only
        ReachUser manager = signIn.loadUserByUsername("karachi.manager");
        Client moving = register(manager, today.minusMonths(2), Set.of(KeyPopulation.SEX_WORKER));
        newBrowser();
        signInAs("karachi.manager");
        browser.open("/followup/clients/" + moving.id() + "?lang=en");
        browser.clickAndLoad("#transfer");
        new Select(browser.waitFor("#kind")).selectByValue("TRANSFER");
        Select destination = new Select(browser.waitFor("#partnerServiceId"));
        destination.getOptions().stream().filter(o -> o.getText().contains("Old Town")).findFirst().orElseThrow().click();
        browser.click("input[name='shared'][value='CODE']");
        browser.click("input[name='shared'][value='OAT_DOSE']");
        browser.type("#oatDoseMg", "70");
        browser.click("#consent1");
        browser.clickAndLoad("#send-transfer");
        assertThat(browser.path()).isEqualTo("/followup/clients/" + moving.id());
        assertThat(browser.text("#client-transfers")).contains("pending arrival");

        newBrowser();
        signInAs("mombasa.manager");
        browser.open("/followup/transfers?lang=en");
        browser.clickAndLoad("#arrivals tr[data-arrival]:first-child a");
        assertThat(browser.text("#shared-code")).isEqualTo(moving.uic());
        assertThat(browser.text("#shared-oat-dose")).isEqualTo("70 mg a day");
        String arrival = browser.text("#arrival");
        assertThat(arrival).doesNotContain("Sex worker").doesNotContain(moving.enrolmentHotspot()).doesNotContain("1987");
        assertThat(browser.driver().findElements(By.id("shared-key-populations"))).isEmpty();
        new Select(browser.waitFor("#gender")).selectByValue("MALE");
        browser.clickAndLoad("#confirm-arrival");
        assertThat(browser.text("#arrival-status")).isEqualTo("arrived");
        assertThat(browser.text("#received-client")).isEqualTo(moving.uic());
        assertThat(clients.client(manager, moving.id()).status()).isEqualTo(ClientStatus.TRANSFERRED);
    }
}
