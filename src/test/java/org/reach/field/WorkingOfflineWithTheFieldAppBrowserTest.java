package org.reach.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.reach.BrowserJourney;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.accounts.TokenRequest;
import org.reach.clients.Client;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer's day without signal: the field app is installed while online, the network is switched off through
 * Chromium's DevTools (and shown to keep the page and its worker from the server), the peer records an outreach
 * session with people met without a code and two known clients and an encounter with a referral, comes back online,
 * and everything arrives exactly once; the same batches sent again store nothing new. Then the organisation manager
 * revokes the phone and its next contact clears it. The page weights of the first and later loads are measured here.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class WorkingOfflineWithTheFieldAppBrowserTest extends BrowserJourney {

    private static final String PIN = "246810";
    private static final String PLANTED = "<script>window.__planted = true</script>";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Clock clock;
    @Autowired ClientRegistry clients;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired org.reach.organisations.OrganisationDirectory directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private String managerToken;

    @Test
    void aPeerRecordsOfflineAndEverythingArrivesOnceThenARevokedPhoneIsCleared() throws Exception {
        ReachUser peer = signIn.loadUserByUsername("karachi.peer");
        ReachUser manager = signIn.loadUserByUsername("karachi.manager");
        managerToken = tokens.issue(manager, new TokenRequest("field journey", 1)).secret();
        LocalDate today = LocalDate.now(clock);
        Client first = register(peer, today);
        Client second = register(peer, today);

        browser.open("/login");
        browser.type("#username", "karachi.peer").type("#password", PASSWORD).clickAndLoad("#sign-in");

        // ---- install: the first load, measured
        browser.open("/field?lang=en");
        browser.waitFor("#screen-enrol");
        long firstLoad = transferred();
        browser.type("#enrol-label", "Imran's phone").type("#enrol-pin", PIN).type("#enrol-pin2", PIN)
                .click("#enrol-submit");
        browser.waitFor("#screen-home");
        browser.waitUntil(d -> browser.script("return document.body.getAttribute('data-synced')") != null);
        waitForWorker();

        // a later load is answered by the worker: measured, and the app asks for the PIN again
        browser.driver().navigate().refresh();
        browser.waitFor("#screen-unlock");
        long laterLoad = transferred();
        System.out.printf("Field app page weight: first load %d bytes, later load %d bytes%n", firstLoad, laterLoad);
        assertThat(firstLoad).as("first load, bytes transferred").isLessThanOrEqualTo(200 * 1024);
        assertThat(laterLoad).as("later load, bytes transferred").isLessThanOrEqualTo(30 * 1024);

        long sessionsBefore = total("/api/outreach/sessions?from=" + today + "&to=" + today + "&size=1");
        long encountersBefore = total("/api/encounters?from=" + today + "&to=" + today + "&size=1");

        // ---- no network: the page, the worker and the API are cut off, and the app still opens from its cache
        network(false);
        assertThat(browser.script("return navigator.onLine")).isEqualTo(false);
        Object reached = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('/api/field/device', {cache: 'no-store'}).then(function () { done('reached'); },"
                        + " function () { done('cut off'); });");
        assertThat(reached).as("the page cannot reach the server").isEqualTo("cut off");
        browser.driver().navigate().refresh();
        browser.waitFor("#screen-unlock");
        browser.type("#unlock-pin", PIN).click("#unlock-submit");
        browser.waitFor("#screen-home");
        assertThat(browser.text("#caseload")).as("the caseload's codes were downloaded for offline use")
                .isNotNull();

        // an outreach session: seven people without a code and the two known clients
        browser.click("#new-session");
        browser.waitFor("#form-session");
        setValue("s-start", "09:00");
        setValue("s-end", "11:30");
        browser.type("#c-FEMALE-FROM_18_TO_24", "3").type("#c-MALE-FROM_25_TO_34", "4");
        browser.type("#s-known", first.uic() + "\n" + second.uic());
        browser.type("#s-syringes", "40");
        browser.click("#form-session button[type=submit]");
        browser.waitFor("#screen-home");

        // an encounter with the first known client, needles and a referral
        browser.click("#new-encounter");
        browser.waitFor("#form-encounter");
        browser.type("#e-client", first.uic());
        browser.click("#svc-NEEDLES_SYRINGES");
        browser.type("#qty-NEEDLES_SYRINGES", "10");
        browser.click("#e-referral");
        browser.click("#form-encounter button[type=submit]");
        browser.waitFor("#screen-home");

        // a referral for the first client, typed with a code the server does not know (refused later, then put right)
        browser.click("#new-referral");
        browser.waitFor("#form-referral");
        browser.type("#r-client", "QQQQM11");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#r-type")).selectByValue("ART_CLINIC");
        browser.type("#r-provider", "Civil Hospital ART clinic " + PLANTED);
        browser.click("#form-referral button[type=submit]");
        browser.waitFor("#screen-home");

        // a drug report from the lists the delta download brought
        browser.click("#new-drug-report");
        browser.waitFor("#form-drug-report");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#d-sold-as")).selectByVisibleText("Heroin");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#d-form")).selectByValue("POWDER");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#d-route")).selectByValue("SMOKING");
        assertThat(browser.text("#d-route")).as("codes labelled in the peer's language").contains("Smoking");
        browser.type("#d-price", "250");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#d-effect")).selectByValue("HEAVY_SEDATION");
        browser.click("#form-drug-report button[type=submit]");
        browser.waitFor("#screen-home");

        // an overdose the peer reversed with two doses from a kit
        browser.click("#new-overdose");
        browser.waitFor("#form-overdose");
        browser.type("#o-doses", "2");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#o-giver")).selectByValue("PEER");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#o-outcome")).selectByValue("SURVIVED");
        browser.click("#form-overdose button[type=submit]");
        browser.waitFor("#screen-home");

        browser.waitUntil(d -> records("QUEUED").size() == 5);
        long drugReportsBefore = get("/api/earlywarning/reports?from=" + today + "&to=" + today).size();
        browser.click("#send-now"); // still offline: nothing may leave
        Thread.sleep(1500);
        assertThat(records("QUEUED")).hasSize(5);
        assertThat(get("/api/earlywarning/reports?from=" + today + "&to=" + today).size()).isEqualTo(drugReportsBefore);
        assertThat(get("/api/referrals?client=" + first.id()).size()).isZero();
        assertThat(total("/api/outreach/sessions?from=" + today + "&to=" + today + "&size=1")).isEqualTo(sessionsBefore);
        assertThat(total("/api/encounters?from=" + today + "&to=" + today + "&size=1")).isEqualTo(encountersBefore);
        browser.screenshot("field-app-offline-queue");

        // ---- back online: the app sends by itself; what it posts is noted to send it again afterwards
        browser.script("window.__posted = []; var real = window.fetch; window.fetch = function (url, options) {"
                + " if (options && options.method === 'POST' && /\\/batch$|\\/api\\/referrals$|\\/api\\/earlywarning\\/reports$|\\/api\\/safety\\/overdoses$/"
                + ".test(String(url))) { var sent = {url: String(url), headers: options.headers, body: options.body};"
                + " window.__posted.push(sent); return real.apply(this, arguments)"
                + ".then(function (r) { sent.status = r.status; return r; }); }"
                + " return real.apply(this, arguments); };");
        network(true);
        try {
            browser.waitUntil(d -> records("SENT").size() == 4 && records("REJECTED").size() == 1);
        } catch (RuntimeException e) {
            System.out.println("Queue on the phone: " + String.valueOf(browser.script("return document.getElementById('queue').innerText")).replace('\n', '|'));
            throw e;
        }
        // the referral is refused with the server's reason in the peer's language; changed, it goes again
        String refused = records("REJECTED").get(0);
        String row = "#queue li[data-uuid='" + refused + "']";
        assertThat(browser.waitFor(row).getAttribute("data-kind")).isEqualTo("REFERRAL");
        assertThat(browser.text(row)).contains("No client of your organisation has this code");
        browser.click(row + " button.edit");
        browser.waitFor("#form-referral");
        assertThat(browser.text("#form-referral .record-error")).isNotBlank();
        browser.type("#r-client", first.uic());
        browser.click("#form-referral button[type=submit]");
        browser.waitFor("#screen-home");
        browser.waitUntil(d -> records("SENT").size() == 5);
        List<String> uuids = records("SENT");
        assertThat(uuids).as("sent again under its uuid").contains(refused);
        assertThat(browser.text("#queue")).as("text from the peer shown as text").contains(PLANTED);
        assertThat(browser.script("return window.__planted === undefined")).as("the planted script never ran").isEqualTo(true);

        JsonNode sessions = get("/api/outreach/sessions?from=" + today + "&to=" + today + "&size=100");
        List<JsonNode> ours = new ArrayList<>();
        sessions.get("sessions").forEach(s -> { if (uuids.contains(s.get("uuid").asString())) { ours.add(s); } });
        assertThat(ours).as("the session arrived once").hasSize(1);
        JsonNode session = ours.get(0);
        assertThat(session.get("served").size()).isEqualTo(2);
        assertThat(session.get("formVersion").asString()).isEqualTo("field-1");
        long siteId = session.get("siteId").asLong();
        org.reach.organisations.Site site = directory.sites(manager, manager.organisationId()).stream()
                .filter(s -> s.id() == siteId).findFirst().orElseThrow();
        assertThat(session.get("setting").asString()).as("the form chose the setting from the site's type, which the "
                + "delta download carried").isEqualTo(org.reach.outreach.OutreachSetting.usualAt(site.type()).name());
        assertThat(session.toString()).contains("FROM_18_TO_24").contains("FROM_25_TO_34");
        assertThat(total("/api/outreach/sessions?from=" + today + "&to=" + today + "&size=1")).isEqualTo(sessionsBefore + 1);
        // the encounter and the two known clients' encounters of the session
        assertThat(total("/api/encounters?from=" + today + "&to=" + today + "&size=1")).isEqualTo(encountersBefore + 3);
        JsonNode encounters = get("/api/encounters?from=" + today + "&to=" + today + "&size=100");
        List<JsonNode> encounter = new ArrayList<>();
        encounters.get("encounters").forEach(e -> { if (uuids.contains(e.get("uuid").asString())) { encounter.add(e); } });
        assertThat(encounter).as("the encounter arrived once").hasSize(1);
        assertThat(encounter.get(0).toString()).contains("ART_REFERRAL").contains("NEEDLES_SYRINGES");

        // the referral arrived once, as a tracked referral of the first client; the drug report once
        JsonNode referrals = get("/api/referrals?client=" + first.id());
        assertThat(referrals.size()).as("the referral arrived once").isEqualTo(1);
        assertThat(referrals.get(0).get("uuid").asString()).isEqualTo(refused);
        assertThat(referrals.get(0).get("status").asString()).isEqualTo("MADE");
        assertThat(referrals.get(0).get("providerName").asString()).isEqualTo("Civil Hospital ART clinic " + PLANTED);
        JsonNode reports = get("/api/earlywarning/reports?from=" + today + "&to=" + today);
        List<JsonNode> drugReport = new ArrayList<>();
        reports.forEach(r -> { if (uuids.contains(r.get("uuid").asString())) { drugReport.add(r); } });
        assertThat(drugReport).as("the drug report arrived once").hasSize(1);
        assertThat(drugReport.get(0).get("soldAs").asString()).isEqualTo("Heroin");
        assertThat(drugReport.get(0).get("route").asString()).isEqualTo("SMOKING");
        assertThat(drugReport.get(0).get("effect").asString()).isEqualTo("HEAVY_SEDATION");
        assertThat(drugReport.get(0).get("source").asString()).isEqualTo("PEER");
        List<JsonNode> overdose = overdosesSent(uuids);
        assertThat(overdose).as("the overdose arrived once").hasSize(1);
        assertThat(overdose.get(0).get("naloxoneDoses").asInt()).isEqualTo(2);
        assertThat(overdose.get(0).get("naloxoneGivers").toString()).isEqualTo("[\"PEER\"]");
        assertThat(overdose.get(0).get("outcome").asString()).isEqualTo("SURVIVED");

        // ---- the same records again, with the phone's own token: nothing new is stored
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> posted = (List<Map<String, Object>>) browser.script("return window.__posted");
        // what was stored: the batches, the drug report and the referral once it was put right (the refusal stays one)
        assertThat(posted.stream().filter(p -> ((Number) p.get("status")).intValue() < 300)).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < 2; i++) {
            Object answers = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "Promise.all(window.__posted.filter(function (p) { return p.status < 300; })"
                            + ".map(function (p) { return fetch(p.url, {method: 'POST',"
                            + " headers: p.headers, body: p.body}).then(function (r) { return r.status; }); }))"
                            + ".then(done, function (e) { done(String(e)); });");
            assertThat(answers.toString()).as("repeats are answered as known").doesNotContain("409").doesNotContain("40");
        }
        assertThat(total("/api/outreach/sessions?from=" + today + "&to=" + today + "&size=1")).isEqualTo(sessionsBefore + 1);
        assertThat(total("/api/encounters?from=" + today + "&to=" + today + "&size=1")).isEqualTo(encountersBefore + 3);
        assertThat(get("/api/referrals?client=" + first.id()).size()).isEqualTo(1);
        assertThat(get("/api/earlywarning/reports?from=" + today + "&to=" + today).size()).isEqualTo(drugReportsBefore + 1);
        assertThat(overdosesSent(uuids)).hasSize(1);

        // ---- the phone is lost: the manager revokes it and its next contact clears it
        JsonNode devices = get("/api/field/devices");
        long device = -1;
        for (JsonNode d : devices) {
            if (d.get("device").get("userId").asLong() == peer.id() && d.get("device").get("revokedAt").isNull()) {
                device = Math.max(device, d.get("device").get("id").asLong());
            }
        }
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/field/devices/" + device + "/revoke")).header("Authorization", "Bearer " + managerToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(200);
        browser.click("#send-now");
        browser.waitFor("#screen-wiped");
        assertThat(browser.text("#wiped-reason")).contains("switched this phone off");
        Object databases = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "indexedDB.databases().then(function (list) { done(list.map(function (d) { return d.name; })"
                        + ".join(',')); });");
        assertThat(String.valueOf(databases)).doesNotContain("reach-field");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain(first.uic());
    }

    @Test
    void quickExitClearsTheScreenAndFiveWrongPinsClearThePhone() {
        browser.open("/login");
        browser.type("#username", "karachi.peer").type("#password", PASSWORD).clickAndLoad("#sign-in");
        browser.open("/field?lang=en");
        browser.waitFor("#screen-enrol");
        browser.type("#enrol-label", "Second phone").type("#enrol-pin", PIN).type("#enrol-pin2", PIN).click("#enrol-submit");
        browser.waitFor("#screen-home");
        browser.click("#new-encounter");
        browser.type("#e-client", "ABCDM55");
        browser.driver().findElement(By.cssSelector("#e-client")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.waitFor("#screen-unlock");
        assertThat(browser.driver().findElement(By.id("e-client")).getAttribute("value")).isEmpty();
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("ABCDM55");

        for (int i = 1; i < 5; i++) {
            browser.type("#unlock-pin", "000000").click("#unlock-submit");
            int left = 5 - i;
            browser.waitUntil(d -> browser.text("#unlock-error").contains(String.valueOf(left)));
        }
        browser.type("#unlock-pin", "000000").click("#unlock-submit");
        browser.waitFor("#screen-wiped");
        assertThat(browser.text("#wiped-reason")).contains("wrong PIN");
    }

    // ---- helpers

    private Client register(ReachUser peer, LocalDate today) {
        Random random = new Random();
        String code = "" + letter(random) + letter(random) + letter(random) + letter(random) + "M" + (10 + random.nextInt(90));
        return clients.register(peer, new ClientRegistration(null, code, Gender.MALE, 1990,
                Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null, Route.INJECTING,
                peer.siteIds().iterator().next(), null, peer.id(), today.minusMonths(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    private static char letter(Random random) {
        return (char) ('A' + random.nextInt(26));
    }

    /** The overdose reports with these uuids, from the newest hundred the manager sees. */
    private List<JsonNode> overdosesSent(List<String> uuids) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        get("/api/safety/overdoses?size=100").get("reports").forEach(r -> {
            if (uuids.contains(r.get("uuid").asString())) {
                found.add(r);
            }
        });
        return found;
    }

    private void setValue(String id, String value) {
        WebElement field = browser.waitFor("#" + id);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    @SuppressWarnings("unchecked")
    private List<String> records(String status) {
        return (List<String>) browser.script("return Array.prototype.map.call(document.querySelectorAll("
                + "'#queue li[data-status=\"" + status + "\"]'), function (li) { return li.getAttribute('data-uuid'); });");
    }

    /** Bytes this page load took over the network: the document and every resource (a worker's answer is 0). */
    private long transferred() {
        Object bytes = browser.script("var entries = performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource'));"
                + "return entries.reduce(function (sum, e) { return sum + (e.transferSize || 0); }, 0);");
        return ((Number) bytes).longValue();
    }

    private void waitForWorker() {
        Object controlled = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(function () {"
                        + " var tries = 0; (function check() { if (navigator.serviceWorker.controller) { done(true); }"
                        + " else if (++tries > 50) { done(false); } else { setTimeout(check, 100); } })(); });");
        assertThat(controlled).as("the worker controls the field app").isEqualTo(true);
    }

    private void network(boolean online) {
        HasCdp cdp = (HasCdp) browser.driver();
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + managerToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long total(String path) throws Exception {
        return get(path).get("total").asLong();
    }
}
