package org.reach.organisations;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.store.Organisations;
import org.reach.organisations.store.Programmes;
import org.reach.organisations.store.Sites;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes, organisations and sites, with who may see and change them decided here rather than in
 * the pages. Records a person may not see answer as not found.
 */
@Service
@Transactional
public class OrganisationDirectory {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final Programmes programmes;
    private final Organisations organisations;
    private final Sites sites;
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationDirectory(Programmes programmes, Organisations organisations, Sites sites, AuditTrail audit, Clock clock) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- programmes

    @Transactional(readOnly = true)
    /** Programmes are listed to administrators and coordinators; organisation staff reach theirs through it. */
    public boolean mayViewProgrammes(ReachUser actor) {
        return actor.isAdmin() || actor.has(Role.COORDINATOR);
    }

    public List<Programme> programmes(ReachUser actor) {
        return programmes.all().stream().filter(p -> canSee(actor, p)).toList();
    }

    @Transactional(readOnly = true)
    public Programme programme(ReachUser actor, long id) {
        return programmes.byId(id).filter(p -> canSee(actor, p)).orElseThrow(() -> new NotFound("programme", id));
    }

    public Programme createProgramme(ReachUser actor, ProgrammeForm form) {
        requireAdmin(actor, "create programme");
        ProgrammeForm clean = validate(form, null);
        long id = programmes.insert(clean, now());
        audit.recordWrite(actor, null, AuditAction.CREATE, "programme", id, clean.name());
        return programmes.byId(id).orElseThrow();
    }

    public Programme updateProgramme(ReachUser actor, long id, ProgrammeForm form) {
        programme(actor, id);
        requireAdmin(actor, "update programme");
        ProgrammeForm clean = validate(form, id);
        programmes.update(id, clean, now());
        audit.recordWrite(actor, null, AuditAction.UPDATE, "programme", id, clean.name());
        return programmes.byId(id).orElseThrow();
    }

    public Programme setProgrammeActive(ReachUser actor, long id, boolean active) {
        programme(actor, id);
        requireAdmin(actor, "change programme status");
        programmes.setActive(id, active, now());
        audit.recordWrite(actor, null, active ? AuditAction.REACTIVATE : AuditAction.DEACTIVATE, "programme", id, null);
        return programmes.byId(id).orElseThrow();
    }

    // ---- organisations

    @Transactional(readOnly = true)
    public List<Organisation> organisations(ReachUser actor) {
        return organisations.all().stream().filter(o -> canSee(actor, o)).toList();
    }

    @Transactional(readOnly = true)
    public Organisation organisation(ReachUser actor, long id) {
        return organisations.byId(id).filter(o -> canSee(actor, o)).orElseThrow(() -> new NotFound("organisation", id));
    }

    /** Whether people of this organisation may sign in; an unscoped yes/no that reveals no records. */
    @Transactional(readOnly = true)
    public boolean isActive(long organisationId) {
        return organisations.byId(organisationId).map(Organisation::active).orElse(false);
    }

    /**
     * The names of these organisations by id, for labelling figures: the caller has already decided the reader may
     * see figures of these organisations. Names only; an unknown id is left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> organisationNames(Collection<Long> organisationIds) {
        return organisations.byIds(organisationIds).stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    /**
     * The organisations a person may name as partners: every organisation of the programme they work in (as a member
     * of one of its organisations or as its coordinator), all of them for administrators. Partners in one programme
     * twin, train, visit and refer to each other by name; what they may know of each other stops at the name, the
     * country, the programme and the cities of their sites — never a client.
     */
    @Transactional(readOnly = true)
    public List<Organisation> programmePartners(ReachUser actor) {
        Long programmeId = programmeOf(actor);
        return organisations.all().stream()
                .filter(o -> actor.isAdmin() || actor.isMemberOf(o.id()) || (programmeId != null && programmeId.equals(o.programmeId())))
                .toList();
    }

    /** One of {@link #programmePartners}; not found for an organisation outside the person's programme. */
    @Transactional(readOnly = true)
    public Organisation programmePartner(ReachUser actor, long id) {
        return programmePartners(actor).stream().filter(o -> o.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("organisation", id));
    }

    /** A site of one of the person's {@link #programmePartners}, for its name and city; not found otherwise. */
    @Transactional(readOnly = true)
    public Site programmePartnerSite(ReachUser actor, long siteId) {
        Site site = sites.byId(siteId).orElseThrow(() -> new NotFound("site", siteId));
        programmePartner(actor, site.organisationId());
        return site;
    }

    /** The sites of the person's {@link #programmePartners}, by id, for naming sites and cities. */
    @Transactional(readOnly = true)
    public List<Site> programmePartnerSites(ReachUser actor) {
        return sites.ofOrganisations(programmePartners(actor).stream().map(Organisation::id).toList());
    }

    /** The programme a person works in: the one they coordinate, or their organisation's. */
    private Long programmeOf(ReachUser actor) {
        if (actor.programmeId() != null) {
            return actor.programmeId();
        }
        return actor.organisationId() == null ? null
                : organisations.byId(actor.organisationId()).map(Organisation::programmeId).orElse(null);
    }

    /**
     * The programme of each of these organisations, by id, for saying how figures of several organisations were
     * counted: the caller has already decided the reader may see figures of these organisations. An unknown id, or one
     * outside every programme, is left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> programmesOf(Collection<Long> organisationIds) {
        return organisations.byIds(organisationIds).stream().filter(o -> o.programmeId() != null)
                .collect(Collectors.toMap(Organisation::id, Organisation::programmeId));
    }

    public boolean mayEdit(ReachUser actor, Organisation organisation) {
        return actor.managesOrganisation(organisation.id());
    }

    public Organisation createOrganisation(ReachUser actor, OrganisationForm form) {
        requireAdmin(actor, "create organisation");
        OrganisationForm clean = validate(actor, form, null);
        long id = organisations.insert(clean, now());
        audit.recordWrite(actor, id, AuditAction.CREATE, "organisation", id, clean.name());
        return organisations.byId(id).orElseThrow();
    }

    public Organisation updateOrganisation(ReachUser actor, long id, OrganisationForm form) {
        Organisation current = organisation(actor, id);
        if (!mayEdit(actor, current)) {
            throw new Forbidden("update organisation");
        }
        OrganisationForm clean = validate(actor, form, id);
        if (!actor.isAdmin()) {
            // Only administrators move an organisation between programmes.
            clean = new OrganisationForm(clean.name(), clean.countryCode(), clean.languages(), current.programmeId());
        }
        organisations.update(id, clean, now());
        audit.recordWrite(actor, id, AuditAction.UPDATE, "organisation", id, clean.name());
        return organisations.byId(id).orElseThrow();
    }

    public Organisation setOrganisationActive(ReachUser actor, long id, boolean active) {
        organisation(actor, id);
        requireAdmin(actor, "change organisation status");
        organisations.setActive(id, active, now());
        audit.recordWrite(actor, id, active ? AuditAction.REACTIVATE : AuditAction.DEACTIVATE, "organisation", id, null);
        return organisations.byId(id).orElseThrow();
    }

    // ---- sites

    /**
     * The sites of the person's own organisation they may see — as {@link #sites} answers for it — from a copy kept
     * per organisation and dropped whenever one of its sites is created or changed: recording reads it on every
     * encounter. Empty for people of no organisation.
     */
    @Transactional(readOnly = true)
    public List<Site> ownSites(ReachUser actor) {
        if (actor.organisationId() == null) {
            return List.of();
        }
        long organisationId = actor.organisationId();
        return sites.ofOrganisationKept(organisationId).stream()
                .filter(s -> seesAllSitesOf(actor, organisationId) || actor.isAssignedTo(s.id()))
                .toList();
    }

    /** The sites a person may see, optionally of one organisation only. */
    @Transactional(readOnly = true)
    public List<Site> sites(ReachUser actor, Long organisationId) {
        List<Site> candidates = organisationId == null ? sites.all() : sites.ofOrganisation(organisationId);
        List<Organisation> visible = organisations(actor);
        Set<Long> visibleIds = visible.stream().map(Organisation::id).collect(Collectors.toSet());
        return candidates.stream()
                .filter(s -> visibleIds.contains(s.organisationId()))
                .filter(s -> seesAllSitesOf(actor, s.organisationId()) || actor.isAssignedTo(s.id()))
                .toList();
    }

    /**
     * The names of the sites of the person's own organisation, by id, including sites they may not open: a member
     * may know where colleagues work (a client's timeline says at which site the entries it leaves out were made).
     */
    @Transactional(readOnly = true)
    public Map<Long, String> siteNamesOfOwnOrganisation(ReachUser actor) {
        if (actor.organisationId() == null) {
            return Map.of();
        }
        return sites.ofOrganisation(actor.organisationId()).stream().collect(Collectors.toMap(Site::id, Site::name));
    }

    /**
     * Every site of these organisations, for labelling figures by site or city: the caller has already decided the
     * reader may see figures of these organisations.
     */
    @Transactional(readOnly = true)
    public List<Site> sitesOf(Collection<Long> organisationIds) {
        return sites.ofOrganisations(organisationIds);
    }

    /**
     * The active sites of an organisation that have a location, for anyone who may see the organisation: whether a
     * place is served depends on every site near it, also on those the person is not assigned to.
     */
    @Transactional(readOnly = true)
    public List<Site> locatedSites(ReachUser actor, long organisationId) {
        organisation(actor, organisationId);
        return sites.ofOrganisation(organisationId).stream().filter(Site::active).filter(Site::hasLocation).toList();
    }

    @Transactional(readOnly = true)
    public Site site(ReachUser actor, long id) {
        return sites.byId(id).filter(s -> canSee(actor, s)).orElseThrow(() -> new NotFound("site", id));
    }

    public boolean mayCreateSite(ReachUser actor, long organisationId) {
        return actor.managesOrganisation(organisationId);
    }

    public boolean mayEdit(ReachUser actor, Site site) {
        return actor.managesOrganisation(site.organisationId())
                || (actor.has(Role.SITE_MANAGER) && actor.isMemberOf(site.organisationId()) && actor.isAssignedTo(site.id()));
    }

    public boolean mayChangeStatus(ReachUser actor, Site site) {
        return actor.managesOrganisation(site.organisationId());
    }

    public Site createSite(ReachUser actor, SiteForm form) {
        if (form.organisationId() == null) {
            new Problems().add("organisationId", "error.required").throwIfAny();
        }
        Organisation owner = organisations.byId(form.organisationId()).filter(o -> canSee(actor, o))
                .orElseThrow(() -> new NotFound("organisation", form.organisationId()));
        if (!mayCreateSite(actor, owner.id())) {
            throw new Forbidden("create site");
        }
        SiteForm clean = validate(form, owner.id(), null);
        long id = sites.insert(clean, now());
        audit.recordWrite(actor, owner.id(), AuditAction.CREATE, "site", id, clean.name());
        return sites.byId(id).orElseThrow();
    }

    public Site updateSite(ReachUser actor, long id, SiteForm form) {
        Site current = site(actor, id);
        if (!mayEdit(actor, current)) {
            throw new Forbidden("update site");
        }
        SiteForm clean = validate(form, current.organisationId(), id);
        sites.update(id, clean, now());
        audit.recordWrite(actor, current.organisationId(), AuditAction.UPDATE, "site", id, clean.name());
        return sites.byId(id).orElseThrow();
    }

    public Site setSiteActive(ReachUser actor, long id, boolean active) {
        Site current = site(actor, id);
        if (!mayChangeStatus(actor, current)) {
            throw new Forbidden("change site status");
        }
        sites.setActive(id, active, now());
        audit.recordWrite(actor, current.organisationId(), active ? AuditAction.REACTIVATE : AuditAction.DEACTIVATE,
                "site", id, null);
        return sites.byId(id).orElseThrow();
    }

    // ---- visibility

    private boolean canSee(ReachUser actor, Programme programme) {
        if (actor.isAdmin() || programme.id() == (actor.programmeId() == null ? -1 : actor.programmeId())) {
            return true;
        }
        return actor.organisationId() != null && organisations.byId(actor.organisationId())
                .map(o -> o.programmeId() != null && o.programmeId() == programme.id()).orElse(false);
    }

    private boolean canSee(ReachUser actor, Organisation organisation) {
        return actor.isAdmin() || actor.isMemberOf(organisation.id()) || actor.coordinatesProgramme(organisation.programmeId());
    }

    private boolean canSee(ReachUser actor, Site site) {
        Organisation owner = organisations.byId(site.organisationId()).orElseThrow();
        return canSee(actor, owner) && (seesAllSitesOf(actor, owner.id()) || actor.isAssignedTo(site.id()));
    }

    /** Site managers and outreach workers see only the sites they are assigned to. */
    private static boolean seesAllSitesOf(ReachUser actor, long organisationId) {
        if (actor.isAdmin() || !actor.isMemberOf(organisationId)) {
            return true; // administrators, and coordinators who already passed the programme check
        }
        return actor.has(Role.ORG_MANAGER) || actor.has(Role.ME_OFFICER);
    }

    private static void requireAdmin(ReachUser actor, String action) {
        if (!actor.isAdmin()) {
            throw new Forbidden(action);
        }
    }

    // ---- validation: everything is checked before anything is written

    private ProgrammeForm validate(ProgrammeForm form, Long id) {
        String name = trim(form.name());
        String description = trim(form.description());
        Problems problems = new Problems();
        requiredText(problems, "name", name, 200);
        problems.check(description == null || description.length() <= 2000, "description", "error.tooLong", 2000);
        if (!problems.has("name")) {
            programmes.byName(name).filter(p -> id == null || p.id() != id)
                    .ifPresent(p -> problems.add("name", "error.nameTaken"));
        }
        problems.throwIfAny();
        return new ProgrammeForm(name, description);
    }

    private OrganisationForm validate(ReachUser actor, OrganisationForm form, Long id) {
        String name = trim(form.name());
        String country = form.countryCode() == null ? null : form.countryCode().trim().toUpperCase(Locale.ROOT);
        List<String> languages = form.languages().stream().flatMap(l -> Arrays.stream(l.split(",")))
                .map(l -> l.trim().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).distinct().toList();
        Problems problems = new Problems();
        requiredText(problems, "name", name, 200);
        if (country == null || country.isEmpty()) {
            problems.add("countryCode", "error.required");
        } else {
            problems.check(COUNTRIES.contains(country), "countryCode", "organisation.error.country");
        }
        if (languages.isEmpty()) {
            problems.add("languages", "error.required");
        } else {
            languages.stream().filter(l -> !LANGUAGES.contains(l)).findFirst()
                    .ifPresent(l -> problems.add("languages", "organisation.error.language", l));
        }
        if (form.programmeId() != null && actor.isAdmin()) {
            problems.check(programmes.byId(form.programmeId()).isPresent(), "programmeId", "error.unknown");
        }
        if (!problems.has("name")) {
            organisations.byName(name).filter(o -> id == null || o.id() != id)
                    .ifPresent(o -> problems.add("name", "error.nameTaken"));
        }
        problems.throwIfAny();
        return new OrganisationForm(name, country, languages, form.programmeId());
    }

    private SiteForm validate(SiteForm form, long organisationId, Long id) {
        String name = trim(form.name());
        String area = trim(form.area());
        String city = trim(form.city());
        Problems problems = new Problems();
        requiredText(problems, "name", name, 200);
        problems.check(area == null || area.length() <= 300, "area", "error.tooLong", 300);
        // Required on every create and edit so indicators can be split by city; older sites get theirs when next edited.
        requiredText(problems, "city", city, 100);
        problems.check(form.type() != null, "type", "error.required");
        problems.check(form.openingStatus() != null, "openingStatus", "error.required");
        if ((form.latitude() == null) != (form.longitude() == null)) {
            problems.add(form.latitude() == null ? "latitude" : "longitude", "site.error.coordinatePair");
        }
        if (form.latitude() != null) {
            problems.check(form.latitude() >= -90 && form.latitude() <= 90, "latitude", "site.error.latitude");
        }
        if (form.longitude() != null) {
            problems.check(form.longitude() >= -180 && form.longitude() <= 180, "longitude", "site.error.longitude");
        }
        if (!problems.has("name") && sites.nameTaken(organisationId, name, id)) {
            problems.add("name", "error.nameTaken");
        }
        problems.throwIfAny();
        return new SiteForm(organisationId, name, form.type(), area, city, form.latitude(), form.longitude(),
                form.openingStatus());
    }

    private static void requiredText(Problems problems, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            problems.add(field, "error.required");
        } else if (value.length() > max) {
            problems.add(field, "error.tooLong", max);
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
