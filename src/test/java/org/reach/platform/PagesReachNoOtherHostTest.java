package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The page policy lets images come from Reach itself (the map background is shipped with it) and from the one tile
 * server an installation names, never from any https host; scripts, fetches and fonts stay on Reach's own origin.
 */
class PagesReachNoOtherHostTest {

    @Test
    void withoutATileServerNothingLeavesForAnotherHost() {
        String policy = SecurityConfiguration.contentSecurityPolicy("");
        assertThat(policy).contains("default-src 'self'").contains("script-src 'self'")
                .contains("img-src 'self' data: blob:;").doesNotContain("https:").doesNotContain("*");
        assertThat(SecurityConfiguration.contentSecurityPolicy(null)).isEqualTo(policy);
    }

    @Test
    void anInstallationsOwnTileServerIsTheOnlyOtherImageOrigin() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://tiles.example.org:8443/karachi/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: https://tiles.example.org:8443;")
                .doesNotContain("connect-src");
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://{s}.tiles.example.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: https://*.tiles.example.org;");
    }

    @Test
    void aViewersOwnOrganisationsTileServerIsAddedForThemAndNothingThatIsNoPlainOrigin() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("", java.util.List.of("https://tiles.karachi.example:8443")))
                .contains("img-src 'self' data: blob: https://tiles.karachi.example:8443;");
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://tiles.example.org/{z}/{x}/{y}.png",
                java.util.List.of("https://tiles.karachi.example")))
                .contains("img-src 'self' data: blob: https://tiles.example.org https://tiles.karachi.example;");
        assertThat(SecurityConfiguration.contentSecurityPolicy("", java.util.List.of("https://a.org; script-src *",
                        "https://*.example.org", "https:")))
                .contains("img-src 'self' data: blob:;").doesNotContain("script-src *").doesNotContain("https:");
    }

    @Test
    void aTemplateThatIsNoPlainHttpUrlStopsTheStart() {
        assertThatThrownBy(() -> SecurityConfiguration.contentSecurityPolicy("javascript:alert(1)//{z}"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecurityConfiguration.contentSecurityPolicy("https://a.org; script-src *"))
                .isInstanceOf(IllegalStateException.class);
    }
}
