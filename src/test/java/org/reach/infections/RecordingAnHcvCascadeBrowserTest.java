package org.reach.infections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reach.BrowserJourney;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Drug;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.indicators.IndicatorQuery;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * On a phone-sized window, a peer opens a client's infections panel from the client's page and records an HCV
 * antibody test, RNA, treatment start and completion and SVR12; the manager's care cascades page draws the charts
 * from the demo programme's year of HCV testing.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class RecordingAnHcvCascadeBrowserTest extends BrowserJourney {

    @Autowired ClientRegistry clients;
    @Autowired SignIn signIn;
    @Autowired Cascades cascades;

    @Test
    void aPeerRecordsAnHcvCureAndTheManagerSeesTheCascades() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        ReachUser peer = signIn.loadUserByUsername("karachi.peer");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Random random = new Random();
        String code = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + "M" + (10 + random.nextInt(90));
        Client client = clients.register(peer, new ClientRegistration(null, code, Gender.MALE, 1987,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING,
                peer.siteIds().iterator().next(), null, null, today.minusYears(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();

        browser.open("/login");
        browser.type("#username", "karachi.peer").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/clients/" + client.id() + "?lang=en");
        browser.clickAndLoad("#infections-panel");
        assertThat(browser.text("#client-code")).isEqualTo(client.uic());

        LocalDate started = today.minusDays(180);
        save("HCV_ANTIBODY_TEST", today.minusDays(200), "POSITIVE", null, null);
        save("HCV_RNA_TEST", today.minusDays(190), "DETECTED", null, "250000");
        save("HCV_TREATMENT_START", started, null, "SOFOSBUVIR_DACLATASVIR", null);
        save("HCV_TREATMENT_COMPLETION", started.plusWeeks(12), null, null, null);
        save("HCV_SVR12", started.plusWeeks(24), "CURED", null, null);
        List<String> kinds = browser.driver().findElements(By.cssSelector("#infection-records tbody tr")).stream()
                .map(row -> row.getAttribute("data-kind")).toList();
        assertThat(kinds).containsExactly("HCV_SVR12", "HCV_TREATMENT_COMPLETION", "HCV_TREATMENT_START",
                "HCV_RNA_TEST", "HCV_ANTIBODY_TEST");
        assertThat(browser.text("#infection-records")).contains("Cured").contains("250,000 IU/mL");

        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.type("#username", "karachi.manager").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/?lang=en");
        browser.click("label.menu-button"); // the menu folds away on a phone
        browser.clickAndLoad("#nav-cascades");
        for (String cascade : List.of("HCV", "TB", "HIV")) {
            browser.waitFor("#chart-" + cascade + "[data-rendered='true'] canvas");
        }
        assertThat(browser.text("#table-HCV")).contains("Antibody tested").contains("Cured (SVR12)");
        browser.script("document.getElementById('cascade-HCV').scrollIntoView()");
        browser.screenshot("infections-cascades-phone");

        // the demo's year of testing gives a realistic cascade in the last complete quarter
        ReachUser manager = signIn.loadUserByUsername("karachi.manager");
        CascadeView view = cascades.cascades(manager, cascades.scope(manager, null, null),
                IndicatorQuery.lastCompleteQuarter(today), null);
        List<CascadeStep> hcv = view.cascades().get(0).steps();
        assertThat(hcv.get(0).count()).as("people tested for HCV antibodies").isGreaterThan(30);
        assertThat(hcv.get(1).count()).as("antibody positive").isNotNull();
        double positivity = 1.0 * hcv.get(1).count() / hcv.get(0).count();
        assertThat(positivity).as("antibody positivity among those tested").isBetween(0.3, 0.7);
    }

    private void save(String kind, LocalDate date, String result, String detail, String viralLoad) {
        new Select(browser.waitFor("#kind")).selectByValue(kind);
        browser.script("document.getElementById('date').value = '" + date + "'");
        if (result != null) {
            new Select(browser.waitFor("#result")).selectByValue(result);
        }
        if (detail != null) {
            new Select(browser.waitFor("#detail")).selectByValue(detail);
        }
        if (viralLoad != null) {
            browser.type("#viralLoad", viralLoad);
        }
        browser.clickAndLoad("#save-infection");
        browser.waitFor("#saved");
    }
}
