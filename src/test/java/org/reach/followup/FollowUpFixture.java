package org.reach.followup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.reach.ProgrammeFixture;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistration;
import org.reach.clients.ClientRegistry;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.Gender;
import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;

/**
 * Follow-up records for a {@link ProgrammeFixture}: a partner organisation in the home programme that lists a site
 * in the partner directory, the home organisation's own listing, and fresh clients, detentions and arrivals on demand
 * (so that every role's call acts on a record of its own). The foreign organisation gets a detention too.
 */
public final class FollowUpFixture {

    public final Organisation partner;
    public final Site partnerSite;
    public final ReachUser partnerManager;
    public final PartnerService partnerListing;
    public final PartnerService homeListing;
    public final Detention foreignDetention;
    public final long outgoingTransfer;
    private final ProgrammeFixture world;
    private final ClientRegistry clients;
    private final Detentions detentions;
    private final Transfers transfers;
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger(10);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    public FollowUpFixture(ProgrammeFixture world, OrganisationDirectory directory, Accounts accounts, SignIn signIn,
                           ClientRegistry clients, Detentions detentions, Transfers transfers) {
        this.world = world;
        this.clients = clients;
        this.detentions = detentions;
        this.transfers = transfers;
        String id = UUID.randomUUID().toString().substring(0, 8);
        prefix = id.replaceAll("[^a-z]", "").toUpperCase() + "QQQQ";
        ReachUser system = ReachUser.system();
        partner = directory.createOrganisation(system, new OrganisationForm("Partner " + id, "KE", List.of("sw"),
                world.homeProgramme.id()));
        partnerSite = directory.createSite(system, new SiteForm(partner.id(), "Partner site " + id, SiteType.DROP_IN_CENTRE,
                "Old Town", "Mombasa", -4.06, 39.68, OpeningStatus.OPEN));
        long account = accounts.create(system, new AccountForm("partner." + id, "Partner manager", partner.id(), null,
                EnumSet.of(Role.ORG_MANAGER), Set.of(), "en")).account().id();
        accounts.setPasswordBySystem(system, account, ProgrammeFixture.PASSWORD);
        partnerManager = signIn.reload(account).orElseThrow();
        partnerListing = transfers.describe(partnerManager, new PartnerServiceForm(partnerSite.id(), "OAT, NSP",
                "Mon–Fri", true, true));
        homeListing = transfers.describe(world.user(Role.ORG_MANAGER), new PartnerServiceForm(world.homeSite.id(), "NSP",
                "Daily", true, false));
        ReachUser foreignManager = signIn.reload(world.foreignManager.id()).orElseThrow();
        Client foreignClient = clients.register(foreignManager, new ClientRegistration(null, code(), Gender.MALE, 1990,
                Set.of(), null, null, null, world.foreignSite.id(), null, null, today.minusMonths(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();
        foreignDetention = detentions.open(foreignManager, new DetentionForm(foreignClient.id(), FacilityType.PRISON,
                "Jail " + world.marker, today.minusDays(5), null, OatInside.UNKNOWN));
        outgoingTransfer = transfers.send(world.user(Role.ORG_MANAGER), new TransferForm(freshClient().id(),
                TransferKind.REFERRAL, partnerListing.id(), true, today, Set.of(), null)).id();
    }

    private String code() {
        int n = counter.incrementAndGet();
        return prefix.substring(0, 3) + (char) ('A' + (n / 89) % 26) + "M" + (10 + n % 89);
    }

    /** A new client of the home organisation at the home site, active. */
    public Client freshClient() {
        return clients.register(world.user(Role.ORG_MANAGER), new ClientRegistration(null, code(), Gender.MALE, 1990,
                Set.of(), null, null, null, world.homeSite.id(), null, null, today.minusMonths(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();
    }

    public long freshDetention() {
        return detentions.open(world.user(Role.ORG_MANAGER), new DetentionForm(freshClient().id(), FacilityType.PRISON,
                null, today.minusDays(5), null, OatInside.UNKNOWN)).id();
    }

    /** A referral from the partner to the home organisation's site, waiting for arrival. */
    public long freshArrival() {
        Client theirs = clients.register(partnerManager, new ClientRegistration(null, code(), Gender.MALE, 1990, Set.of(),
                null, null, null, partnerSite.id(), null, null, today.minusMonths(1), null,
                DuplicateDecision.REJECTED_DIFFERENT, null)).client();
        return transfers.send(partnerManager, new TransferForm(theirs.id(), TransferKind.REFERRAL, homeListing.id(), true,
                today, Set.of(SharedField.KEY_POPULATION), null)).id();
    }

    public LocalDate today() {
        return today;
    }
}
