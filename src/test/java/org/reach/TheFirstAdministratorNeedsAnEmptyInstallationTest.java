package org.reach;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class TheFirstAdministratorNeedsAnEmptyInstallationTest {

    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;

    @Test
    void onceAnyAccountExistsNoFurtherFirstAdministratorCanBeCreated() {
        new ProgrammeFixture(directory, accounts, signIn, tokens);
        assertThatThrownBy(() -> accounts.createFirstAdministrator("intruder", "a long enough password"))
                .isInstanceOf(Forbidden.class);
    }
}
