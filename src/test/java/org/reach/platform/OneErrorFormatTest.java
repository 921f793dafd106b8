package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.accounts.TokenRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Over real HTTP, through the container and the security filters: everything under {@code /api/} that goes wrong
 * answers RFC 9457 problem JSON, whatever the controller, and every page that goes wrong answers the error page in
 * the page layout (menu, language, right-to-left in Urdu), never JSON and never the container's own page.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "reach.demo.enabled=true")
class OneErrorFormatTest {

    private static final String PASSWORD = "reach-demo-2026";

    @LocalServerPort int port;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;

    private String token;
    private HttpClient peerBrowser;

    /** A failure nobody expected, on a page and in the API. */
    @TestConfiguration
    static class Failing {
        @Bean
        FailingEndpoints failingEndpoints() {
            return new FailingEndpoints();
        }
    }

    @RestController
    static class FailingEndpoints {
        @GetMapping({"/api/broken", "/broken"})
        String broken() {
            throw new IllegalStateException("secret detail " + System.identityHashCode(this));
        }
    }

    @BeforeEach
    void signIn() throws Exception {
        token = tokens.issue(signIn.loadUserByUsername("karachi.peer"), new TokenRequest("errors", 1)).secret();
        peerBrowser = signedIn("karachi.peer");
    }

    // ---- the API

    @Test
    void anUnknownJobIsAProblemNotAPage() throws Exception {
        assertProblem(api("GET", "/api/jobs/no-such-job", null, null), 404, "not-found");
        assertProblem(api("GET", "/api/nothing-here", null, null), 404, "not-found");
    }

    @Test
    void forbiddenUnauthorisedAndWrongMethodAreProblems() throws Exception {
        assertProblem(api("POST", "/api/indicators/exports", null, null), 403, "forbidden");
        HttpResponse<String> anonymous = http().send(HttpRequest.newBuilder(url("/api/clients")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(anonymous, 401, "unauthorized");
        HttpResponse<String> wrongMethod = api("DELETE", "/api/jobs/x", null, null);
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void badParametersAndContentTypesNameWhatIsWrong() throws Exception {
        HttpResponse<String> badPage = api("GET", "/api/clients?page=abc", null, null);
        assertProblem(badPage, 400, "invalid-input");
        assertThat(JsonPath.<String>read(badPage.body(), "$.errors[0].field")).isEqualTo("page");
        assertThat(JsonPath.<String>read(badPage.body(), "$.errors[0].reason")).isNotBlank();

        assertProblem(api("POST", "/api/clients", "text/plain", "hello"), 415, "unsupported-media-type");
        HttpResponse<String> unreadable = api("POST", "/api/clients", "application/json", "{not json");
        assertProblem(unreadable, 400, "invalid-input");
        assertThat(JsonPath.<String>read(unreadable.body(), "$.errors[0].field")).isEqualTo("body");
    }

    @Test
    void pathsTheFirewallOrTheContainerRejectAreProblems() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String path : new String[] {"/api/clients/1%2F2", "/api/clients/%00", "/api/clients/1;x=1",
                "/api/clients/%2e%2e/accounts", "/api/clients//1", "/api/clients/%5C1", "/api/clients/%251"}) {
            HttpResponse<String> rejected = api("GET", path, null, null);
            soft.assertThat(rejected.statusCode()).as(path).isBetween(400, 404);
            soft.assertThat(rejected.headers().firstValue("Content-Type").orElse("")).as(path + " " + rejected.body())
                    .startsWith("application/problem+json");
            soft.assertThat(rejected.body()).as(path).contains("\"type\":\"urn:reach:problem:");
        }
        soft.assertAll();
    }

    @Test
    void anUnexpectedFailureIsAProblemWithoutItsDetail() throws Exception {
        HttpResponse<String> failed = api("GET", "/api/broken", null, null);
        assertProblem(failed, 500, "internal");
        assertThat(failed.body()).doesNotContain("secret detail").doesNotContain("Exception");
    }

    // ---- pages

    @Test
    void aForbiddenPageIsThePageLayoutNotJson() throws Exception {
        assertPage(page(peerBrowser, "GET", "/audit"), 403, "Not allowed");
    }

    @Test
    void missingPagesAndRecordsAreTheNotFoundPage() throws Exception {
        assertPage(page(peerBrowser, "GET", "/clients/999999999"), 404, "Not found");
        assertPage(page(peerBrowser, "GET", "/nothing-here"), 404, "Not found");
    }

    @Test
    void aWrongMethodABadParameterAndAFailureArePages() throws Exception {
        assertPage(page(peerBrowser, "DELETE", "/audit?_csrf=" + csrf(peerBrowser)), 405, "Method not allowed");
        HttpResponse<String> badParameter = page(peerBrowser, "GET", "/clients?page=abc");
        assertPage(badParameter, 400, "Invalid input");
        assertThat(badParameter.body()).contains("data-field=\"page\"");
        HttpResponse<String> failed = page(peerBrowser, "GET", "/broken");
        assertPage(failed, 500, "Something went wrong");
        assertThat(failed.body()).doesNotContain("secret detail").doesNotContain("Exception");
    }

    @Test
    void rejectedPathsArePages() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String path : new String[] {"/clients/1%2F2", "/clients/%00", "/clients/1;x=1", "/clients//1",
                "/clients/%5C1", "/clients/%251"}) {
            HttpResponse<String> rejected = page(peerBrowser, "GET", path);
            soft.assertThat(rejected.statusCode()).as(path).isBetween(400, 404);
            soft.assertThat(rejected.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            // Refused by the container before Reach sees it (%00), the page has Reach's style but no menu.
            soft.assertThat(rejected.body()).as(path).contains("class=\"topbar\"").contains("<h1>")
                    .doesNotContain("HTTP Status");
            if (!path.contains("%00")) {
                soft.assertThat(rejected.body()).as(path).contains("class=\"menu\"");
            }
        }
        soft.assertAll();
    }

    @Test
    void errorPagesInUrduReadRightToLeft() throws Exception {
        language(peerBrowser, "ur");
        HttpResponse<String> forbidden = page(peerBrowser, "GET", "/audit");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("dir=\"rtl\"").contains("lang=\"ur\"").contains("class=\"menu\"");
    }

    // ---- helpers

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(response.uri() + " " + response.body()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("urn:reach:problem:" + type);
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
        assertThat(JsonPath.<String>read(response.body(), "$.title")).isNotBlank();
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).isNotBlank();
    }

    private void assertPage(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.uri().toString())
                .startsWith("text/html");
        assertThat(response.body()).as(response.uri().toString())
                .contains("class=\"topbar\"").contains("class=\"menu\"").contains("<h1>" + title + "</h1>")
                .doesNotContain("Whitelabel").doesNotContain("Apache Tomcat");
    }

    private HttpResponse<String> api(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(HttpClient browser, String method, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html,*/*;q=0.8")
                        .header("Accept-Language", "en").method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf(browser);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        // The peer's own language is Urdu; these checks read English unless a test asks otherwise.
        language(browser, "en");
        return browser;
    }

    private String csrf(HttpClient browser) throws Exception {
        String login = browser.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String home = browser.send(HttpRequest.newBuilder(url("/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(home.contains("_csrf") ? home : login);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private void language(HttpClient browser, String language) {
        CookieStore store = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore();
        for (HttpCookie old : java.util.List.copyOf(store.getCookies())) {
            if (old.getName().equals("REACH_LANG")) {
                store.getURIs().forEach(uri -> store.remove(uri, old));
                store.remove(null, old);
            }
        }
        HttpCookie cookie = new HttpCookie("REACH_LANG", language);
        cookie.setPath("/");
        cookie.setVersion(0);
        store.add(url("/"), cookie);
    }

    private HttpClient http() {
        return HttpClient.newHttpClient();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
