package org.reach.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Defect 11 of issue 10 (cookies): behind a TLS-terminating proxy the session cookie was sent without
 * Secure and no HSTS header was sent. Requests the proxy marks as HTTPS now get both; plain HTTP gets neither.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reach.demo.enabled=true")
class HttpsSessionsAreMarkedSecureTest {

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000"));
    }

    @Test
    void plainHttpGetsNeither() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
                .noneSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
