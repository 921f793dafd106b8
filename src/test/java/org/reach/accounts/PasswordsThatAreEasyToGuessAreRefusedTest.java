package org.reach.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.FieldProblem;
import org.reach.platform.InvalidInput;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Defect 11 of issue 10 (passwords): "aaaaaaaaaa" and "1234567890" were accepted. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordsThatAreEasyToGuessAreRefusedTest {

    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
    }

    @Test
    void commonPasswordsRepeatsSequencesAndKeyboardWalksAreRefused() {
        for (String weak : List.of("aaaaaaaaaa", "1234567890", "0987654321", "abcdefghijk", "qwertyuiop", "asdfghjkl;",
                "1qaz2wsx3edc", "password123", "iloveyou2026", "P@ssw0rd2026", "abcabcabcabc", "zxcvbnm123", "12121212121")) {
            assertThat(refusal(weak)).as(weak).isEqualTo("account.error.passwordGuessable");
        }
    }

    @Test
    void theUsernameAndTheOrganisationsNameAreRefused() {
        String username = world.user(Role.ME_OFFICER).getUsername();
        assertThat(refusal("x" + username.toUpperCase() + "-2026")).isEqualTo("account.error.passwordContainsUsername");
        String organisation = world.home.name();
        assertThat(refusal(organisation + " rocks 2026")).isEqualTo("account.error.passwordContainsOrganisation");
        assertThat(refusal(organisation.replace(" ", "").toLowerCase() + "!!")).isEqualTo("account.error.passwordContainsOrganisation");
    }

    @Test
    void passphrasesAndTheDemoPasswordAreAccepted() {
        accounts.changeOwnPassword(world.user(Role.ME_OFFICER),
                new PasswordChange(ProgrammeFixture.PASSWORD, "reach-demo-2026", "reach-demo-2026"));
        accounts.changeOwnPassword(world.user(Role.ME_OFFICER),
                new PasswordChange("reach-demo-2026", "seven quiet herons at dusk", "seven quiet herons at dusk"));
        assertThatThrownBy(() -> accounts.changeOwnPassword(world.user(Role.ME_OFFICER),
                new PasswordChange("reach-demo-2026", "another fine passphrase", "another fine passphrase")))
                .as("the password was changed").isInstanceOf(InvalidInput.class);
    }

    private String refusal(String password) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> accounts.changeOwnPassword(
                world.user(Role.ME_OFFICER), new PasswordChange(ProgrammeFixture.PASSWORD, password, password)));
        assertThat(thrown).as(password).isInstanceOf(InvalidInput.class);
        return ((InvalidInput) thrown).problems().stream().filter(p -> p.field().equals("newPassword"))
                .map(FieldProblem::messageKey).findFirst().orElse("accepted");
    }
}
