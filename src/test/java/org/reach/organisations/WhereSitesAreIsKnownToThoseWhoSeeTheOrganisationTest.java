package org.reach.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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

    /** Partners in one programme may name each other (transfers, twinning, trainings); another programme stays unknown. */
    @Test
    void partnersOfOneProgrammeKnowEachOthersNamesAndSitesAndNothingOfAnotherProgramme() {
        Organisation neighbour = directory.createOrganisation(ReachUser.system(), new OrganisationForm(
                "Neighbour " + world.marker, "PK", List.of("en"), world.homeProgramme.id()));
        ReachUser peer = world.user(Role.OUTREACH_WORKER);
        assertThat(directory.programmePartners(peer)).extracting(Organisation::id)
                .contains(world.home.id(), neighbour.id()).doesNotContain(world.foreign.id());
        assertThat(directory.programmePartner(peer, neighbour.id()).name()).isEqualTo("Neighbour " + world.marker);
        assertThatThrownBy(() -> directory.programmePartner(peer, world.foreign.id())).isInstanceOf(NotFound.class);
        assertThat(peer.isAssignedTo(world.homeOtherSite.id())).isFalse();
        assertThat(directory.programmePartnerSite(peer, world.homeOtherSite.id()).name()).isEqualTo(world.homeOtherSite.name());
        assertThatThrownBy(() -> directory.programmePartnerSite(peer, world.foreignSite.id())).isInstanceOf(NotFound.class);
        assertThat(directory.programmePartnerSites(peer)).extracting(Site::organisationId).doesNotContain(world.foreign.id());

        ReachUser coordinator = world.user(Role.COORDINATOR);
        assertThat(directory.programmePartners(coordinator)).extracting(Organisation::id)
                .contains(world.home.id(), neighbour.id()).doesNotContain(world.foreign.id());
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        assertThat(directory.programmePartners(foreignManager)).extracting(Organisation::id)
                .contains(world.foreign.id()).doesNotContain(world.home.id(), neighbour.id());
        assertThatThrownBy(() -> directory.programmePartnerSite(foreignManager, world.homeSite.id()))
                .isInstanceOf(NotFound.class);
    }
}
