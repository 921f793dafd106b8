package org.reach.clients;

import java.time.Clock;
import java.time.LocalDate;

import org.reach.accounts.StaffDirectory;
import org.reach.clients.store.StoredClient;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

/**
 * How a stored record is shown: as a {@link Client} with the status the organisation's rule derives (or the one
 * recorded, or merged), and as a profile with age band, site and peer educator by name and the alias only for those
 * who may see it. Reading, registrations and merges show a client the same way because they all ask here. Nothing
 * here reads on anyone's behalf or audits: the caller has already decided that the actor may see the record.
 */
@Component
class ClientViews {

    private final RegistrySettings settings;
    private final ClientAccess access;
    private final OrganisationDirectory directory;
    private final StaffDirectory staff;
    private final Clock clock;

    ClientViews(RegistrySettings settings, ClientAccess access, OrganisationDirectory directory, StaffDirectory staff,
                Clock clock) {
        this.settings = settings;
        this.access = access;
        this.directory = directory;
        this.staff = staff;
        this.clock = clock;
    }

    /** A stored client as others see it (status derived by the organisation's rule); no audit entry. */
    Client clientOf(StoredClient stored) {
        return clientOf(stored, settings.settingsOf(stored.organisationId()));
    }

    Client clientOf(StoredClient c, ClientSettings rule) {
        ClientStatus status = c.isMerged() ? ClientStatus.MERGED
                : c.explicitStatus() != null ? c.explicitStatus() : settings.derivedStatus(c.lastContact(), rule);
        return new Client(c.id(), c.organisationId(), c.uic(), c.gender(), c.birthYear(), c.keyPopulations(),
                c.primaryDrug(), c.secondaryDrug(), c.route(), c.enrolmentSiteId(), c.enrolmentHotspot(),
                c.peerEducatorId(), c.firstContact(), c.lastContact(), status, c.stage());
    }

    ClientProfile profileOf(ReachUser actor, StoredClient stored) {
        Client client = clientOf(stored);
        boolean aliasVisible = access.maySeeAlias(actor, client);
        return new ClientProfile(client, ageBand(client.birthYear()), siteName(actor, stored.enrolmentSiteId()),
                stored.peerEducatorId() == null ? null : staff.displayName(stored.peerEducatorId()).orElse(null),
                aliasVisible ? stored.alias() : null, aliasVisible);
    }

    /** A site of the person's own organisation by name, also one they are not assigned to. */
    String siteName(ReachUser actor, long siteId) {
        return directory.siteNamesOfOwnOrganisation(actor).getOrDefault(siteId, "");
    }

    private String ageBand(Integer birthYear) {
        if (birthYear == null) {
            return null;
        }
        int age = LocalDate.now(clock).getYear() - birthYear;
        if (age < 18) {
            return "<18";
        }
        if (age < 25) {
            return "18–24";
        }
        if (age < 35) {
            return "25–34";
        }
        if (age < 45) {
            return "35–44";
        }
        return age < 55 ? "45–54" : "55+";
    }
}
