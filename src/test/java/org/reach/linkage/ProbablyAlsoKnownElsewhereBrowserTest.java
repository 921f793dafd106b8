package org.reach.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reach.BrowserJourney;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientSearch;
import org.reach.clients.ClientStatus;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.uic.UicComponents;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * On the demo data, the Mombasa manager registers, from the code card, a client already known in Karachi; both
 * organisations then see "probably also known at" the other on the client's page and on the linkage page, with none
 * of the other's data (site, dates); the Karachi manager reviews two records of one person, merges them with a reason
 * and undoes the merge; the coordinator sees runs, not clients.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class ProbablyAlsoKnownElsewhereBrowserTest extends BrowserJourney {

    @Autowired ClientRegistry registry;
    @Autowired SignIn signIn;
    @Autowired OrganisationDirectory directory;
    @Autowired Clock clock;

    @Test
    void aClientWhoMovedFromKarachiToMombasaIsHintedOnBothSidesWithoutTheOthersData() {
        ReachUser karachiManager = signIn.loadUserByUsername("karachi.manager");
        ReachUser mombasaManager = signIn.loadUserByUsername("mombasa.manager");
        Client known = registry.search(karachiManager, new ClientSearch(null, null, null, null), 0, 100).clients().stream()
                .filter(c -> c.birthYear() != null && registry.findByUic(mombasaManager, c.uic()).isEmpty())
                .reduce((first, second) -> second).orElseThrow();
        String karachiName = directory.organisation(ReachUser.system(), karachiManager.organisationId()).name();
        String mombasaName = directory.organisation(ReachUser.system(), mombasaManager.organisationId()).name();

        signIn("mombasa.manager");
        browser.open("/clients/new?lang=en");
        browser.click("details summary");
        browser.type("#code", known.uic());
        browser.driver().findElement(By.cssSelector("#gender option[value=\"" + known.gender().name() + "\"]")).click();
        browser.type("#birthYear", String.valueOf(known.birthYear()));
        browser.click("input[name=\"keyPopulations\"][value=\"PEOPLE_WHO_INJECT_DRUGS\"]");
        browser.clickAndLoad("#register");
        if (!browser.driver().findElements(By.cssSelector("input[name=\"decision\"][value=\"DIFFERENT\"]")).isEmpty()) {
            browser.click("input[name=\"decision\"][value=\"DIFFERENT\"]");
            browser.clickAndLoad("#register");
        }
        assertThat(browser.path()).matches("/clients/\\d+");
        assertThat(browser.text("ol.timeline")).contains("Probably also known at " + karachiName);
        browser.screenshot("linkage-hint-mombasa");
        String mombasaPage = browser.driver().getPageSource();
        String karachiSite = registry.siteNames(karachiManager).get(known.enrolmentSiteId());
        assertThat(mombasaPage).doesNotContain(karachiSite, known.firstContact().toString());

        browser.clickAndLoad("nav.menu a[href=\"/linkage\"]");
        assertThat(browser.text("#hints")).contains(known.uic(), karachiName);
        browser.clickAndLoad("#logout");

        signIn("karachi.manager");
        browser.open("/clients/" + known.id() + "?lang=en");
        assertThat(browser.text("ol.timeline")).contains("Probably also known at " + mombasaName);
        String karachiPage = browser.driver().getPageSource();
        registry.siteNames(mombasaManager).values().forEach(site -> assertThat(karachiPage).doesNotContain(site));
        browser.screenshot("linkage-hint-karachi");

        // Two registrations of one person in Karachi, the parents' names spelled differently the second time.
        Client first = registerPerson(karachiManager, "Ayesha", "Hussain");
        Client second = registerPerson(karachiManager, "Aisha", "Husain");
        browser.open("/linkage?lang=en");
        browser.clickAndLoad("#review-duplicates");
        String pair = "#duplicate-pairs tr[data-first=\"" + first.id() + "\"][data-second=\"" + second.id() + "\"]";
        assertThat(browser.text(pair)).contains(first.uic(), second.uic());
        browser.screenshot("duplicates-review");
        browser.clickAndLoad(pair + " a.review-pair");
        browser.click("input[name=\"survivorId\"][value=\"" + first.id() + "\"]");
        browser.type("#reason", "Same mother and father, names spelled differently");
        browser.clickAndLoad("#merge");
        assertThat(browser.text("#merged")).contains("merged");
        assertThat(browser.driver().findElements(By.cssSelector(pair))).isEmpty();
        assertThat(browser.text("#merges")).contains(first.uic(), second.uic(), "names spelled differently");
        browser.open("/clients/" + second.id() + "?lang=en");
        assertThat(browser.text("#merged-into")).contains(first.uic());
        browser.open("/clients/duplicates?lang=en");
        browser.clickAndLoad("#merges tr:first-child button.undo-merge");
        assertThat(browser.text("#undone")).contains("undone");
        assertThat(browser.text(pair)).contains(second.uic());
        assertThat(registry.client(karachiManager, second.id()).status()).isNotEqualTo(ClientStatus.MERGED);
        browser.screenshot("duplicates-undone");
        browser.clickAndLoad("#logout");

        signIn("coordinator");
        browser.open("/linkage?lang=en");
        browser.clickAndLoad("#start-run");
        assertThat(browser.driver().getPageSource()).doesNotContain(known.uic());
        browser.screenshot("linkage-coordinator");
    }

    private Client registerPerson(ReachUser manager, String mother, String father) {
        return registry.register(manager, new ClientRegistration(new UicComponents(mother, father, "Bilal", "Qureshi",
                Gender.FEMALE, 1985, 1, 20, 1), null, Gender.FEMALE, 1985, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS),
                null, null, null, registry.enrolmentSites(manager).get(0).id(), null, null, LocalDate.now(clock), null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    private void signIn(String username) {
        browser.open("/login");
        browser.type("#username", username).type("#password", PASSWORD).clickAndLoad("#sign-in");
    }
}
