package org.reach.audit;

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
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The audit page shows each entry's detail in the reader's language: a count of client codes read, and a
 * status written as its code value, read back as the words the page of that record uses.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditDetailsReadInTheReadersLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired AuditTrail audit;
    @Autowired PlatformTransactionManager transactions;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser manager = world.user(Role.ORG_MANAGER);
        // As the capabilities write them: inside their transactions.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.recordRead(manager, world.home.id(), "client", null, "codes of 6 clients");
            audit.recordWrite(manager, world.home.id(), AuditAction.UPDATE, "partner_action", 7L, "status IN_PROGRESS");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|codes of 6 clients|status: In progress",
            "nl|codes van 6 cliënten|status: Bezig",
            "sw|misimbo ya wateja 6|hali: Inaendelea",
            "ur|6 کلائنٹس کے کوڈ|حیثیت: جاری"})
    void detailsReadInTheReadersLanguage(String language, String codes, String status) throws Exception {
        String html = HtmlUtils.htmlUnescape(mvc.perform(get("/audit").header("Accept-Language", language)
                        .locale(Locale.forLanguageTag(language)).with(user(world.user(Role.ORG_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html).contains(codes).contains(status).doesNotContain("IN_PROGRESS");
        if (!language.equals("en")) {
            assertThat(html).doesNotContain("codes of 6 clients");
        }
    }
}
