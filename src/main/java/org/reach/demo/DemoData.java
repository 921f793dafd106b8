package org.reach.demo;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.CreatedAccount;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demonstration programme once: a Karachi and a Mombasa organisation with sites at real
 * places, and one account per role. Runs only where reach.demo.enabled is true (the embedded profile).
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PROGRAMME = "Bridging the Gaps — people who use drugs";
    static final String KARACHI = "Saathi Harm Reduction Karachi";
    static final String MOMBASA = "Pwani Peer Network Mombasa";

    /** Sites at real places in the cities they are in. */
    private static final List<DemoSite> SITES = List.of(
            new DemoSite(KARACHI, "Lyari drop-in centre", SiteType.DROP_IN_CENTRE, "Lyari Town", "Karachi", 24.8687, 66.9936),
            new DemoSite(KARACHI, "Saddar outreach base", SiteType.OUTREACH_BASE, "Saddar, near Empress Market", "Karachi", 24.8596, 67.0299),
            new DemoSite(KARACHI, "Korangi OAT centre", SiteType.OAT_CENTRE, "Korangi Industrial Area", "Karachi", 24.8306, 67.1228),
            new DemoSite(KARACHI, "Central Prison outreach point", SiteType.PRISON_OUTREACH_POINT, "Central Jail Karachi, Jamshed Town", "Karachi", 24.9009, 67.0486),
            new DemoSite(MOMBASA, "Old Town drop-in centre", SiteType.DROP_IN_CENTRE, "Old Town, Mombasa Island", "Mombasa", -4.0622, 39.6780),
            new DemoSite(MOMBASA, "Kisauni safe space", SiteType.SAFE_SPACE, "Kisauni", "Mombasa", -4.0133, 39.7006),
            new DemoSite(MOMBASA, "Likoni outreach base", SiteType.OUTREACH_BASE, "Likoni ferry area", "Mombasa", -4.0890, 39.6605),
            new DemoSite(MOMBASA, "Coast General clinic", SiteType.CLINIC, "Coast General Teaching and Referral Hospital area", "Mombasa", -4.0603, 39.6718));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final String password;

    DemoData(OrganisationDirectory directory, Accounts accounts, @Value("${reach.demo.password}") String password) {
        this.directory = directory;
        this.accounts = accounts;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ReachUser system = ReachUser.system();
        if (directory.programmes(system).stream().anyMatch(p -> p.name().equals(PROGRAMME))) {
            recordMissingCities(system);
            log.info("Demo data already present.");
            return;
        }
        Programme programme = directory.createProgramme(system, new ProgrammeForm(PROGRAMME,
                "Harm reduction and HIV prevention with people who use drugs in Pakistan and Kenya, coordinated from the Netherlands."));
        Organisation karachi = directory.createOrganisation(system,
                new OrganisationForm(KARACHI, "PK", List.of("ur", "sd", "en"), programme.id()));
        Organisation mombasa = directory.createOrganisation(system,
                new OrganisationForm(MOMBASA, "KE", List.of("sw", "en"), programme.id()));

        Map<String, Site> sites = new LinkedHashMap<>();
        for (DemoSite site : SITES) {
            Organisation owner = site.organisation().equals(karachi.name()) ? karachi : mombasa;
            sites.put(site.name(), directory.createSite(system, new SiteForm(owner.id(), site.name(), site.type(),
                    site.area(), site.city(), site.latitude(), site.longitude(), OpeningStatus.OPEN)));
        }

        account(system, "admin", "Amina Administrator", null, null, EnumSet.of(Role.ADMIN), Set.of(), "en");
        account(system, "coordinator", "Marieke Coordinator", null, programme.id(), EnumSet.of(Role.COORDINATOR), Set.of(), "nl");
        account(system, "karachi.manager", "Tariq Manager", karachi.id(), null, EnumSet.of(Role.ORG_MANAGER), Set.of(), "ur");
        account(system, "karachi.site", "Sana Site Manager", karachi.id(), null, EnumSet.of(Role.SITE_MANAGER),
                Set.of(sites.get("Lyari drop-in centre").id(), sites.get("Saddar outreach base").id()), "ur");
        account(system, "karachi.me", "Bilal M&E", karachi.id(), null, EnumSet.of(Role.ME_OFFICER), Set.of(), "en");
        account(system, "karachi.peer", "Imran Peer", karachi.id(), null, EnumSet.of(Role.OUTREACH_WORKER),
                Set.of(sites.get("Lyari drop-in centre").id()), "ur");
        account(system, "mombasa.manager", "Abdalla Manager", mombasa.id(), null, EnumSet.of(Role.ORG_MANAGER), Set.of(), "sw");
        account(system, "mombasa.peer", "Halima Peer", mombasa.id(), null, EnumSet.of(Role.OUTREACH_WORKER),
                Set.of(sites.get("Old Town drop-in centre").id()), "sw");
        log.info("Demo data created: {} organisations, {} sites.", 2, sites.size());
    }

    /** Demo databases made before sites had a city get the cities of their demo sites on the next start. */
    private void recordMissingCities(ReachUser system) {
        for (Organisation organisation : directory.organisations(system)) {
            for (Site site : directory.sites(system, organisation.id())) {
                SITES.stream()
                        .filter(demo -> site.city() == null && demo.organisation().equals(organisation.name())
                                && demo.name().equals(site.name()))
                        .findFirst()
                        .ifPresent(demo -> directory.updateSite(system, site.id(), new SiteForm(site.organisationId(),
                                site.name(), site.type(), site.area(), demo.city(), site.latitude(), site.longitude(),
                                site.openingStatus())));
            }
        }
    }

    private void account(ReachUser system, String username, String name, Long organisationId, Long programmeId,
                         Set<Role> roles, Set<Long> siteIds, String language) {
        CreatedAccount created = accounts.create(system,
                new AccountForm(username, name, organisationId, programmeId, roles, siteIds, language));
        accounts.setPasswordBySystem(system, created.account().id(), password);
    }

    private record DemoSite(String organisation, String name, SiteType type, String area, String city, double latitude,
                            double longitude) {
    }
}
