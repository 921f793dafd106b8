package org.reach.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Coverage of a place counts every site near it: anyone who may see an organisation learns where all its active
 * sites are, also those they are not assigned to, and nobody else learns any.
 */
@SpringBootTest
class WhereSitesAreIsKnownToThoseWhoSeeTheOrganisationTest {

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
    void everyActiveLocatedSiteForTheOrganisationsPeopleAndCoordinatorNoneForOthers() {
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        assertThat(peer.isAssignedTo(world.homeOtherSite.id())).isFalse();
        directory.setSiteActive(ReachUser.system(), world.homeOtherSite.id(), false);
        assertThat(directory.locatedSites(peer, world.home.id())).extracting(Site::id)
                .containsExactly(world.homeSite.id());
        directory.setSiteActive(ReachUser.system(), world.homeOtherSite.id(), true);
        assertThat(directory.locatedSites(peer, world.home.id())).extracting(Site::id)
                .containsExactlyInAnyOrder(world.homeSite.id(), world.homeOtherSite.id());
        assertThat(directory.locatedSites(world.user(Role.COORDINATOR), world.home.id())).hasSize(2);

        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        assertThatThrownBy(() -> directory.locatedSites(foreignManager, world.home.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> directory.locatedSites(peer, world.foreign.id())).isInstanceOf(NotFound.class);
    }
}
