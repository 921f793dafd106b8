package org.reach;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.accounts.TokenRequest;
import org.reach.accounts.UserAccount;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Programme;
import org.reach.organisations.ProgrammeForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Two programmes, each with one organisation, built through the public services: "home" with one
 * person per role, and "foreign", whose records carry a marker string that must never reach a
 * home person's screen or API response. Names are unique per fixture, so tests can share a database.
 */
public final class ProgrammeFixture {

    public static final String PASSWORD = "fixture-password-1";

    public final String marker;
    public final Programme homeProgramme;
    public final Programme foreignProgramme;
    public final Organisation home;
    public final Organisation foreign;
    public final Site homeSite;
    public final Site homeOtherSite;
    public final Site foreignSite;
    public final UserAccount homePeer2;
    public final UserAccount foreignPeer;
    public final UserAccount foreignManager;
    private final Map<Role, ReachUser> homeUsers = new EnumMap<>(Role.class);
    private final Map<Role, String> homeTokens = new EnumMap<>(Role.class);
    private final String foreignManagerToken;
    private final SignIn signIn;

    public ProgrammeFixture(OrganisationDirectory directory, Accounts accounts, SignIn signIn, ApiTokens tokens) {
        this.signIn = signIn;
        String id = UUID.randomUUID().toString().substring(0, 8);
        // letters only: eight random digits in a row would read as a phone number and be refused as identifying text
        marker = "Foreign" + id.chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + c - '0' : c)))
                .collect(java.util.stream.Collectors.joining());
        ReachUser system = ReachUser.system();
        homeProgramme = directory.createProgramme(system, new ProgrammeForm("Home programme " + id, "home"));
        foreignProgramme = directory.createProgramme(system, new ProgrammeForm("Programme " + marker, marker));
        home = directory.createOrganisation(system, new OrganisationForm("Home org " + id, "PK", List.of("ur", "en"),
                homeProgramme.id()));
        foreign = directory.createOrganisation(system, new OrganisationForm("Org " + marker, "KE", List.of("sw"),
                foreignProgramme.id()));
        homeSite = directory.createSite(system, new SiteForm(home.id(), "Home site " + id, SiteType.DROP_IN_CENTRE,
                "Lyari", "Karachi", 24.8687, 66.9936, OpeningStatus.OPEN));
        homeOtherSite = directory.createSite(system, new SiteForm(home.id(), "Home other site " + id, SiteType.CLINIC,
                "Korangi", "Karachi", 24.83, 67.12, OpeningStatus.OPEN));
        foreignSite = directory.createSite(system, new SiteForm(foreign.id(), "Site " + marker, SiteType.SAFE_SPACE,
                "Area " + marker, "City " + marker, -4.06, 39.67, OpeningStatus.OPEN));

        create(accounts, system, Role.ADMIN, "fx" + id + ".admin", null, null, Set.of());
        create(accounts, system, Role.COORDINATOR, "fx" + id + ".coordinator", null, homeProgramme.id(), Set.of());
        create(accounts, system, Role.ORG_MANAGER, "fx" + id + ".manager", home.id(), null, Set.of());
        create(accounts, system, Role.SITE_MANAGER, "fx" + id + ".site", home.id(), null, Set.of(homeSite.id()));
        create(accounts, system, Role.ME_OFFICER, "fx" + id + ".me", home.id(), null, Set.of());
        create(accounts, system, Role.OUTREACH_WORKER, "fx" + id + ".peer", home.id(), null, Set.of(homeSite.id()));
        create(accounts, system, Role.PROTECTION_OFFICER, "fx" + id + ".protection", home.id(), null, Set.of(homeSite.id()));
        homePeer2 = accounts.create(system, new AccountForm("fx" + id + ".peer2", "Second peer", home.id(), null,
                EnumSet.of(Role.OUTREACH_WORKER), Set.of(homeSite.id()), "en")).account();
        foreignPeer = accounts.create(system, new AccountForm("peer." + marker.toLowerCase(), "Peer " + marker,
                foreign.id(), null, EnumSet.of(Role.OUTREACH_WORKER), Set.of(foreignSite.id()), "sw")).account();
        foreignManager = accounts.create(system, new AccountForm("manager." + marker.toLowerCase(), "Manager " + marker,
                foreign.id(), null, EnumSet.of(Role.ORG_MANAGER), Set.of(), "sw")).account();
        accounts.setPasswordBySystem(system, foreignManager.id(), PASSWORD);
        ReachUser foreignManagerUser = signIn.loadUserByUsername(foreignManager.username());
        foreignManagerToken = tokens.issue(foreignManagerUser, new TokenRequest("fixture " + marker, 30)).secret();
        for (Role role : Role.values()) {
            homeTokens.put(role, tokens.issue(homeUsers.get(role), new TokenRequest("fixture", 30)).secret());
        }
    }

    private void create(Accounts accounts, ReachUser system, Role role, String username, Long organisationId,
                        Long programmeId, Set<Long> sites) {
        UserAccount account = accounts.create(system, new AccountForm(username, role.name() + " person", organisationId,
                programmeId, EnumSet.of(role), sites, "en")).account();
        accounts.setPasswordBySystem(system, account.id(), PASSWORD);
        homeUsers.put(role, signIn.loadUserByUsername(username));
    }

    /** The person of the home organisation (or its programme) who holds this one role. */
    public ReachUser user(Role role) {
        return signIn.reload(homeUsers.get(role).id()).orElseThrow();
    }

    public String token(Role role) {
        return homeTokens.get(role);
    }

    public String foreignManagerToken() {
        return foreignManagerToken;
    }
}
