package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Indicator definitions read in the reader's language: the dashboard names the indicator and describes its
 * numerator and denominator in Dutch, Urdu or Swahili (the stored description is the English one).
 */
@SpringBootTest
@AutoConfigureMockMvc
class IndicatorDefinitionsSpeakTheReadersLanguageTest {

    private static final String ENGLISH_NUMERATOR = "Unique people tested for HIV in the period with a negative or positive result recorded";

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl|Getest op hiv en kent de uitslag (%)|Unieke personen die in de periode op hiv zijn getest met een vastgelegde negatieve of positieve uitslag",
            "sw|Waliopimwa VVU wanaojua majibu (%)|Watu tofauti waliopimwa VVU katika kipindi na majibu hasi au chanya yakarekodiwa",
            "ur|ایچ آئی وی ٹیسٹ کروانے والے جو نتیجہ جانتے ہیں (%)|مدت میں ایچ آئی وی ٹیسٹ کروانے والے منفرد افراد جن کا منفی یا مثبت نتیجہ درج ہے",
            "en|Tested for HIV who know the result (%)|" + ENGLISH_NUMERATOR})
    void theDashboardDescribesTheIndicatorInTheReadersLanguage(String language, String shown, String description)
            throws Exception {
        String html = HtmlUtils.htmlUnescape(mvc.perform(get("/indicators").param("period", "2026Q1")
                        .param("indicator", "HIV_KNOW_RESULT").header("Accept-Language", language)
                        .locale(Locale.forLanguageTag(language)).with(user(world.user(Role.ME_OFFICER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String definition = html.substring(html.indexOf("id=\"indicator-definition\""));
        definition = definition.substring(0, definition.indexOf("</p>"));
        assertThat(html).contains(shown);
        assertThat(definition).contains(description);
        if (!language.equals("en")) {
            assertThat(definition).as("no English description left").doesNotContain(ENGLISH_NUMERATOR);
        }
    }
}
