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
            log.info("Demo data already present.");
            return;
        }
        Programme programme = directory.createProgramme(system, new ProgrammeForm(PROGRAMME,
                "Harm reduction and HIV prevention with people who use drugs in Pakistan and Kenya, coordinated from the Netherlands."));
        Organisation karachi = directory.createOrganisation(system,
                new OrganisationForm("Saathi Harm Reduction Karachi", "PK", List.of("ur", "sd", "en"), programme.id()));
        Organisation mombasa = directory.createOrganisation(system,
                new OrganisationForm("Pwani Peer Network Mombasa", "KE", List.of("sw", "en"), programme.id()));

        Map<String, Site> sites = new LinkedHashMap<>();
        site(sites, system, karachi, "Lyari drop-in centre", SiteType.DROP_IN_CENTRE, "Lyari Town", 24.8687, 66.9936);
        site(sites, system, karachi, "Saddar outreach base", SiteType.OUTREACH_BASE, "Saddar, near Empress Market", 24.8596, 67.0299);
        site(sites, system, karachi, "Korangi OAT centre", SiteType.OAT_CENTRE, "Korangi Industrial Area", 24.8306, 67.1228);
        site(sites, system, karachi, "Central Prison outreach point", SiteType.PRISON_OUTREACH_POINT, "Central Jail Karachi, Jamshed Town", 24.9009, 67.0486);
        site(sites, system, mombasa, "Old Town drop-in centre", SiteType.DROP_IN_CENTRE, "Old Town, Mombasa Island", -4.0622, 39.6780);
        site(sites, system, mombasa, "Kisauni safe space", SiteType.SAFE_SPACE, "Kisauni", -4.0133, 39.7006);
        site(sites, system, mombasa, "Likoni outreach base", SiteType.OUTREACH_BASE, "Likoni ferry area", -4.0890, 39.6605);
        site(sites, system, mombasa, "Coast General clinic", SiteType.CLINIC, "Coast General Teaching and Referral Hospital area", -4.0603, 39.6718);

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

    private void site(Map<String, Site> sites, ReachUser system, Organisation owner, String name, SiteType type,
                      String area, double latitude, double longitude) {
        sites.put(name, directory.createSite(system,
                new SiteForm(owner.id(), name, type, area, latitude, longitude, OpeningStatus.OPEN)));
    }

    private void account(ReachUser system, String username, String name, Long organisationId, Long programmeId,
                         Set<Role> roles, Set<Long> siteIds, String language) {
        CreatedAccount created = accounts.create(system,
                new AccountForm(username, name, organisationId, programmeId, roles, siteIds, language));
        accounts.setPasswordBySystem(system, created.account().id(), password);
    }
}
