package org.reach.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.reach.BrowserJourney;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class RecordingAnEncounterWithTheKeyboardBrowserTest extends BrowserJourney {

    @Autowired Clock clock;
    @Autowired ClientRegistry clients;
    @Autowired SignIn signIn;
    @Autowired JdbcClient jdbc;

    @Test
    void aPeerRecordsTwoPeopleInARowWithTheKeyboardOnly() {
        ReachUser peer = signIn.loadUserByUsername("karachi.peer");
        Random random = new Random();
        String code = "" + letter(random) + letter(random) + letter(random) + letter(random) + "M" + (10 + random.nextInt(90));
        // A near match among the demo clients would ask for a decision: this is a different person.
        clients.register(peer, new ClientRegistration(null, code, Gender.MALE, 1990, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS),
                Drug.HEROIN, null, Route.INJECTING, peer.siteIds().iterator().next(), null, null,
                LocalDate.now(clock).minusMonths(1), null, DuplicateDecision.REJECTED_DIFFERENT, null));
        long before = encounters(peer);

        browser.open("/login");
        browser.type("#username", "karachi.peer").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/encounters/new?lang=en");
        browser.waitFor("#clientCode");

        long started = System.nanoTime();
        WebElement focused = active();
        assertThat(focused.getAttribute("id")).as("the client code has the focus").isEqualTo("clientCode");
        focused.sendKeys(code);
        browser.waitFor("#client-status .badge");
        active().sendKeys(Keys.TAB);              // anonymous
        active().sendKeys(Keys.TAB);              // first quick service
        assertThat(active().getAttribute("name")).startsWith("quantities[");
        active().sendKeys("20", Keys.ENTER);
        browser.waitFor("#saved");
        assertThat(browser.text("#saved-for")).as("the confirmation names whom it was saved for").contains(code);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertThat(seconds).as("one encounter by keyboard").isLessThan(30);
        assertThat(active().getAttribute("id")).as("a fresh form, ready for the next person").isEqualTo("clientCode");
        assertThat(active().getAttribute("value")).isEmpty();

        // the next person declines to give a code
        active().sendKeys(Keys.TAB);
        active().sendKeys(Keys.SPACE);            // anonymous
        active().sendKeys(Keys.TAB, "10", Keys.ENTER);
        browser.waitFor("#saved");
        assertThat(encounters(peer)).isEqualTo(before + 2);

        // whatever this site gave lately, a naloxone kit is one of the services shown first
        assertThat(browser.driver().findElements(By.cssSelector("fieldset.services-grid > .service input[id='q-NALOXONE_KIT']")))
                .as("naloxone is not hidden under more services").hasSize(1);

        // an unknown code is flagged with a way to register it
        active().sendKeys("NOSUCHCODE");
        browser.waitUntil(driver -> !driver.findElements(By.cssSelector("#client-status a")).isEmpty());
        browser.screenshot("encounter-quick-entry");
    }

    private static char letter(Random random) {
        return (char) ('A' + random.nextInt(26));
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    private long encounters(ReachUser peer) {
        return jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(peer.organisationId())
                .query(Long.class).single();
    }
}
