package org.reach.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The framework as data carries its translations: its questions and levels read in Dutch, Urdu and Swahili on
 * the framework page, a coordinator's new version keeps them and is translated in the coordinator's language,
 * and the radar chart names the assessment kind in the reader's language with labels short enough to show whole.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PartnerFrameworkSpeaksTheReadersLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AssessmentFramework framework;
    @Autowired PartnerAssessments assessments;

    private ProgrammeFixture world;
    private ReachUser coordinator;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        coordinator = world.user(Role.COORDINATOR);
    }

    private String page(String url, String language) throws Exception {
        return HtmlUtils.htmlUnescape(rawPage(url, language));
    }

    private String rawPage(String url, String language) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", language)
                        .locale(Locale.forLanguageTag(language)).with(user(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void frameworkQuestionsAndLevelsReadInEveryLanguage() throws Exception {
        // GOV2: the first question of the framework is edited by other tests that share this database.
        String english = "Strategy and annual plans guide the work";
        assertThat(page("/partners/framework", "en")).contains(english, "No written strategy or plan");
        assertThat(page("/partners/framework", "nl"))
                .contains("Strategie en jaarplannen sturen het werk", "Geen geschreven strategie of plan")
                .doesNotContain(english);
        assertThat(page("/partners/framework", "sw"))
                .contains("Mkakati na mipango ya mwaka huongoza kazi", "Hakuna mkakati wala mpango ulioandikwa")
                .doesNotContain(english);
        assertThat(page("/partners/framework", "ur"))
                .contains("حکمت عملی اور سالانہ منصوبے کام کی رہنمائی کرتے ہیں", "کوئی تحریری حکمت عملی یا منصوبہ نہیں")
                .doesNotContain(english);
    }

    @Test
    void aCoordinatorsVersionCarriesItsTranslationsAndIsTranslatedInTheCoordinatorsLanguage() throws Exception {
        Framework draft = framework.draft(coordinator);
        Question question = draft.questions().stream().filter(q -> q.code().equals("ADV2")).findFirst().orElseThrow();
        assertThat(question.text(Locale.forLanguageTag("sw"))).as("copied with the version")
                .isEqualTo("Mitandao na ushirikiano wa rufaa");

        mvc.perform(post("/partners/framework/questions/{id}", question.id()).with(user(coordinator)).with(csrf())
                        .locale(Locale.forLanguageTag("nl")).param("language", "nl")
                        .param("text", "Netwerken en doorverwijzing").param("anchor1", "Werkt alleen")
                        .param("anchor2", "Losse contacten").param("anchor3", "Schriftelijke afspraken")
                        .param("anchor4", "Actieve netwerken"))
                .andExpect(status().is3xxRedirection());

        Question saved = framework.version(draft.id()).question(question.id()).orElseThrow();
        assertThat(saved.text(Locale.forLanguageTag("nl"))).isEqualTo("Netwerken en doorverwijzing");
        assertThat(saved.anchors(Locale.forLanguageTag("nl"))).containsExactly("Werkt alleen", "Losse contacten",
                "Schriftelijke afspraken", "Actieve netwerken");
        assertThat(saved.text()).as("the English wording stays").isEqualTo(question.text());
        assertThat(saved.anchors(Locale.ENGLISH)).isEqualTo(question.anchors());
    }

    @Test
    void theRadarChartNamesTheKindInTheReadersLanguageWithLabelsThatFit() throws Exception {
        Organisation partner = directory.createOrganisation(ReachUser.system(), new OrganisationForm(
                "Radar partner " + UUID.randomUUID().toString().substring(0, 8), "KE", List.of("sw"),
                world.homeProgramme.id()));
        Assessment assessment = assessments.create(coordinator, new AssessmentForm(partner.id(), AssessmentKind.BASELINE,
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11), null, List.of(), null));

        for (String language : List.of("nl", "sw", "ur", "en")) {
            String html = rawPage("/partners/assessments/" + assessment.id(), language);
            // The chart's data travels in the element's data-chart attribute (no inline script runs on any page).
            int radar = html.indexOf("data-chart-kind=\"radar\"");
            int start = html.indexOf("data-chart=\"", radar) + "data-chart=\"".length();
            String data = unescaped(HtmlUtils.htmlUnescape(html.substring(start, html.indexOf('"', start))));
            String kind = switch (language) {
                case "nl" -> "Nulmeting";
                case "sw" -> "Tathmini ya msingi";
                case "en" -> "Baseline";
                default -> "ابتدائی جائزہ";
            };
            assertThat(data).as("legend in " + language).contains("2026-03-09 " + kind).doesNotContain("BASELINE");
            String indicators = data.substring(data.indexOf("\"indicators\""), data.indexOf("\"series\""));
            Matcher names = Pattern.compile("\"name\":\"([^\"]*)\"").matcher(indicators);
            int labels = 0;
            while (names.find()) {
                labels++;
                for (String line : names.group(1).split("\\\\n")) {
                    assertThat(line.length()).as("a line of the radar label " + names.group(1)).isLessThanOrEqualTo(20);
                }
            }
            assertThat(labels).as("one label per domain").isEqualTo(8);
        }
    }

    /** The chart data as written into the page's script, with its \\uXXXX escapes read back into letters. */
    private static String unescaped(String script) {
        Matcher escape = Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(script);
        StringBuilder text = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(text, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        escape.appendTail(text);
        return text.toString();
    }
}
