package org.reach.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.indicators.store.FactStore;
import org.reach.indicators.store.Facts;
import org.reach.indicators.store.IndicatorStore;
import org.reach.indicators.store.PeriodFactStore;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Programme;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServiceDefinition;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator facade: who may see which aggregates, computation for a scope and period, suppression of
 * small cells, size estimates and DHIS2 mappings. Organisation staff (not outreach workers) see their own
 * organisation; coordinators the organisations of their programme; administrators any. Only staff of the
 * one organisation in scope may see exact small counts, and only on pages; everything else is suppressed.
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

    private static final Set<Role> VIEWERS = Set.of(Role.ADMIN, Role.COORDINATOR, Role.ORG_MANAGER, Role.SITE_MANAGER,
            Role.ME_OFFICER);
    private static final Set<Role> EDITORS = Set.of(Role.ORG_MANAGER, Role.ME_OFFICER);
    private static final Pattern DHIS2_UID = Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");

    private final IndicatorStore store;
    private final FactStore facts;
    private final PeriodFactStore periodFacts;
    private final IndicatorCache cache;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ServiceCatalogue catalogue;
    private final IndicatorProviders providers;

    Indicators(IndicatorStore store, FactStore facts, PeriodFactStore periodFacts, IndicatorCache cache,
               OrganisationDirectory directory, AuditTrail audit, MessageSource messages, Clock clock,
               ServiceCatalogue catalogue, IndicatorProviders providers) {
        this.catalogue = catalogue;
        this.providers = providers;
        this.store = store;
        this.facts = facts;
        this.periodFacts = periodFacts;
        this.cache = cache;
        this.directory = directory;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public boolean mayView(ReachUser actor) {
        return actor.roles().stream().anyMatch(VIEWERS::contains);
    }

    public boolean mayEdit(ReachUser actor) {
        return actor.organisationId() != null && actor.roles().stream().anyMatch(EDITORS::contains);
    }

    private void requireViewer(ReachUser actor) {
        if (!mayView(actor)) {
            throw new Forbidden("view indicators");
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The period as it is counted: one that has not ended is counted up to today ("to date"), so its census day is
     * today and rates are annualised over the days that have happened; one that has not begun has nothing to count.
     */
    public Period counted(Period period) {
        Period counted = period.upTo(today());
        if (counted == null) {
            throw InvalidInput.of("period", "indicators.error.futurePeriod");
        }
        return counted;
    }

    public List<IndicatorDefinition> definitions(ReachUser actor) {
        requireViewer(actor);
        return store.definitions();
    }

    public IndicatorDefinition definition(ReachUser actor, String code) {
        return definitions(actor).stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("indicator", code));
    }

    /**
     * Whose data: a programme (coordinator of it, or administrator), an organisation the person may see, or
     * by default the person's own organisation or programme; optionally one visible site of it.
     */
    public IndicatorScope scope(ReachUser actor, Long organisationId, Long programmeId, Long siteId) {
        requireViewer(actor);
        IndicatorScope scope;
        if (organisationId != null) {
            scope = organisationScope(actor, directory.organisation(actor, organisationId));
        } else if (programmeId != null) {
            scope = programmeScope(actor, directory.programme(actor, programmeId));
        } else if (actor.organisationId() != null) {
            scope = organisationScope(actor, directory.organisation(actor, actor.organisationId()));
        } else if (actor.programmeId() != null) {
            scope = programmeScope(actor, directory.programme(actor, actor.programmeId()));
        } else {
            List<Programme> programmes = directory.programmes(actor);
            if (programmes.isEmpty()) {
                throw new NotFound("programme", 0);
            }
            scope = programmeScope(actor, programmes.get(0));
        }
        if (siteId == null) {
            return scope;
        }
        Site site = directory.site(actor, siteId);
        if (!scope.organisationIds().contains(site.organisationId())) {
            throw new NotFound("site", siteId);
        }
        return new IndicatorScope(scope.organisationId(), scope.programmeId(), scope.organisationIds(), siteId,
                scope.label() + " – " + site.name());
    }

    private IndicatorScope organisationScope(ReachUser actor, Organisation organisation) {
        boolean allowed = actor.isAdmin() || actor.coordinatesProgramme(organisation.programmeId())
                || (actor.isMemberOf(organisation.id()) && mayView(actor));
        if (!allowed) {
            throw new NotFound("organisation", organisation.id());
        }
        return new IndicatorScope(organisation.id(), organisation.programmeId(), List.of(organisation.id()), null,
                organisation.name());
    }

    private IndicatorScope programmeScope(ReachUser actor, Programme programme) {
        if (!actor.isAdmin() && !actor.coordinatesProgramme(programme.id())) {
            throw new Forbidden("view programme indicators");
        }
        List<Long> ids = directory.organisations(actor).stream()
                .filter(o -> programme.id() == (o.programmeId() == null ? -1 : o.programmeId())).map(Organisation::id)
                .toList();
        return new IndicatorScope(null, programme.id(), ids, null, programme.name());
    }

    /**
     * Suppressed tables of a part of something the same person can also see (a site of the organisation, one
     * organisation of the programme, a custom date range beside the calendar periods) give small counts away
     * by subtraction, however well each table is suppressed on its own. So suppressed output is refused for
     * them; the breakdowns by site and by organisation show the parts side by side, suppressed together.
     */
    private void refuseDifferencing(ReachUser actor, IndicatorScope scope, Period period, boolean showExact) {
        if (showExact) {
            return;
        }
        Problems problems = new Problems();
        problems.check(scope.siteId() == null, "siteId", "indicators.error.narrowSite");
        problems.check(scope.siteId() != null || !narrowerThanVisible(actor, scope), "organisationId",
                "indicators.error.narrowOrganisation");
        problems.check(period.type() != Period.Type.CUSTOM, "period", "indicators.error.narrowPeriod");
        // A period to date grows by a day at a time: two days side by side would give that day's records away.
        problems.check(period.type() == Period.Type.CUSTOM || !period.toDate(), "period", "indicators.error.periodToDate");
        problems.throwIfAny();
    }

    /** One organisation of a programme whose whole this person may also see. */
    private static boolean narrowerThanVisible(ReachUser actor, IndicatorScope scope) {
        return scope.organisationId() != null && scope.programmeId() != null
                && (actor.isAdmin() || actor.coordinatesProgramme(scope.programmeId()));
    }

    /** Whether suppressed tables of this scope and period may be given to this person (see above). */
    public boolean maySeeSuppressed(ReachUser actor, IndicatorScope scope, Period period) {
        Period counted = period.upTo(today());
        return scope.siteId() == null && !narrowerThanVisible(actor, scope) && period.type() != Period.Type.CUSTOM
                && counted != null && !counted.toDate();
    }

    /** Whether this person may see exact small counts of this scope on a page: its own staff only. */
    public boolean maySeeExact(ReachUser actor, IndicatorScope scope) {
        return scope.organisationIds().size() == 1 && actor.mayReadClientsOf(scope.organisationIds().get(0));
    }

    /** The sites a person may filter by within the scope. */
    public List<Site> sites(ReachUser actor, IndicatorScope scope) {
        requireViewer(actor);
        return directory.sites(actor, null).stream().filter(s -> scope.organisationIds().contains(s.organisationId()))
                .toList();
    }

    /**
     * Checks of the records behind the indicators for the scope and period. Counts of 1 to 4 show as "<5" to
     * everyone who may not see exact counts, as every other aggregate does.
     */
    public List<DataQualityCheck> dataQuality(ReachUser actor, IndicatorScope scope, Period asked, boolean exact) {
        requireViewer(actor);
        Period period = counted(asked);
        boolean showExact = exact && maySeeExact(actor, scope);
        Facts loaded = facts.load(scope.organisationIds(), scope.siteId(), period.start(), period.end());
        return DataQualityChecks.run(loaded, period).stream()
                .map(found -> new DataQualityCheck(found.kind(),
                        !showExact && SmallCellSuppression.isSmall(found.count()) ? SmallCellSuppression.SMALL
                                : String.valueOf(found.count()),
                        found.count() == 0, found.examples()))
                .toList();
    }

    /**
     * The category a mapping names, as the breakdown writes it: codes (sex, key population, age band …) in capitals,
     * whatever was typed; names (city, hotspot) and ids (site, organisation) exactly as they are, so "Karachi" matches.
     */
    private static String mappedCategory(Disaggregation d, String typed) {
        if (typed == null || typed.isBlank()) {
            return IndicatorEngine.TOTAL;
        }
        String category = typed.strip();
        for (String fixed : List.of(IndicatorEngine.TOTAL, IndicatorEngine.UNKNOWN)) {
            if (category.equalsIgnoreCase(fixed)) {
                return fixed;
            }
        }
        return switch (d) {
            case CITY, HOTSPOT, SITE, ORGANISATION -> category;
            default -> category.toUpperCase(Locale.ROOT);
        };
    }

    // ---- computation

    private IndicatorEngine engine(IndicatorScope scope, Period period) {
        return known(cache.engine(scope.organisationIds(), scope.siteId(), period), scope);
    }

    /** How the scope's figures count people where a capability says (e.g. counted once across organisations). */
    public List<CountingNote> countingNotes(ReachUser actor, IndicatorScope scope) {
        requireViewer(actor);
        return providers.countingNotes(scope.organisationIds());
    }

    /** Every indicator for the scope and period, broken down where the indicator allows the disaggregation. */
    public List<IndicatorTable> tables(ReachUser actor, IndicatorScope scope, Period asked, Disaggregation d,
                                       boolean exact) {
        requireViewer(actor);
        Period period = counted(asked);
        boolean showExact = exact && maySeeExact(actor, scope);
        refuseDifferencing(actor, scope, period, showExact);
        IndicatorEngine engine = engine(scope, period);
        List<IndicatorTable> tables = new ArrayList<>();
        for (IndicatorDefinition def : definitions(actor, scope)) {
            Disaggregation used = def.disaggregations().contains(d) ? d : Disaggregation.NONE;
            tables.add(table(def, period, used, engine, showExact, scope));
        }
        return tables;
    }

    public IndicatorTable table(ReachUser actor, IndicatorScope scope, String code, Period asked, Disaggregation d,
                                boolean exact) {
        IndicatorDefinition def = definition(actor, scope, code);
        Period period = counted(asked);
        if (d != Disaggregation.NONE && !def.disaggregations().contains(d)) {
            // A breakdown the indicator does not have is refused, never quietly replaced by the total.
            throw InvalidInput.of("disaggregation", "indicators.error.disaggregation");
        }
        Disaggregation used = d;
        refuseDifferencing(actor, scope, period, exact && maySeeExact(actor, scope));
        return table(def, period, used, engine(scope, period), exact && maySeeExact(actor, scope), scope);
    }

    /**
     * The indicator's total for each month of the period, suppressed as one line with the period's total (hidden
     * or shown as in every breakdown of the period).
     */
    public Trend trend(ReachUser actor, IndicatorScope scope, String code, Period asked, boolean exact) {
        IndicatorDefinition def = definition(actor, scope, code);
        Period period = counted(asked);
        refuseDifferencing(actor, scope, period, exact && maySeeExact(actor, scope));
        List<Period> months = period.months();
        List<IndicatorEngine.Raw> raws = new ArrayList<>();
        IndicatorEngine.Result first = null;
        for (Period month : months) {
            IndicatorEngine.Result result = engine(scope, month).compute(code, Disaggregation.NONE);
            first = first == null ? result : first;
            raws.add(result.cells().get(IndicatorEngine.TOTAL));
        }
        IndicatorEngine engine = engine(scope, period);
        IndicatorEngine.Result whole = engine.compute(code, Disaggregation.NONE);
        IndicatorEngine.Raw total = whole.cells().get(IndicatorEngine.TOTAL);
        boolean showExact = exact && maySeeExact(actor, scope);
        boolean countDenominator = !first.estimateDenominator() && total.denominator() != null;
        Hiding hiding = showExact ? Hiding.none(raws.size())
                : lineBeside(def, raws, total, countDenominator,
                LinkedBreakdowns.decide(def, engine, countDenominator));
        List<IndicatorRow> points = rows(def, raws, total, months.stream().map(Period::code).toList(),
                months.stream().map(Period::code).toList(), first.estimateDenominator(), -1, hiding, months);
        return new Trend(def, months, points.subList(0, points.size() - 1));
    }

    /** Hidden numerators and denominators of the rows, then of the total. */
    private record Hiding(boolean[] numerators, boolean[] denominators) {
        static Hiding none(int rows) {
            return new Hiding(new boolean[rows + 1], new boolean[rows + 1]);
        }
    }

    private IndicatorTable table(IndicatorDefinition def, Period period, Disaggregation d, IndicatorEngine engine,
                                 boolean exact, IndicatorScope scope) {
        IndicatorEngine.Result result = engine.compute(def.code(), d);
        List<String> categories = result.cells().keySet().stream().filter(k -> !k.equals(IndicatorEngine.TOTAL)).toList();
        List<IndicatorEngine.Raw> raws = categories.stream().map(result.cells()::get).toList();
        IndicatorEngine.Raw total = result.cells().getOrDefault(IndicatorEngine.TOTAL, new IndicatorEngine.Raw(0, null));
        Map<Long, String> names = switch (d) {
            case SITE -> periodFacts.siteNames(scope.organisationIds());
            case ORGANISATION -> periodFacts.organisationNames(scope.organisationIds());
            default -> Map.of();
        };
        List<String> labels = categories.stream().map(c -> label(d, c, names)).toList();
        boolean countDenominator = !result.estimateDenominator() && total.denominator() != null;
        Hiding hiding;
        if (exact) {
            hiding = Hiding.none(raws.size());
        } else {
            LinkedBreakdowns linked = LinkedBreakdowns.decide(def, engine, countDenominator);
            if (linked.covers(d)) {
                int n = categories.size();
                boolean[] nums = new boolean[n + 1];
                boolean[] dens = new boolean[n + 1];
                for (int i = 0; i < n; i++) {
                    nums[i] = linked.numeratorHidden(d, categories.get(i));
                    dens[i] = linked.denominatorHidden(d, categories.get(i));
                }
                nums[n] = linked.totalNumeratorHidden();
                dens[n] = linked.totalDenominatorHidden();
                hiding = new Hiding(nums, dens);
            } else {
                hiding = lineBeside(def, raws, total, countDenominator, linked);
            }
        }
        List<IndicatorRow> all = rows(def, raws, total, categories, labels, result.estimateDenominator(), result.scale(),
                hiding, null);
        return new IndicatorTable(def, period, d, all.get(all.size() - 1), all.subList(0, all.size() - 1), !exact);
    }

    /**
     * A line that is not one of the linked breakdowns (key populations, which overlap; months) suppressed as
     * cells adding up to the total, with the total hidden or shown as the linked breakdowns decided.
     */
    private static Hiding lineBeside(IndicatorDefinition def, List<IndicatorEngine.Raw> raws, IndicatorEngine.Raw total,
                                     boolean countDenominator, LinkedBreakdowns linked) {
        int n = raws.size();
        long[] nums = new long[n + 1];
        long[] dens = new long[n + 1];
        for (int i = 0; i < n; i++) {
            nums[i] = raws.get(i).numerator();
            dens[i] = raws.get(i).denominator() == null ? 0 : raws.get(i).denominator();
        }
        nums[n] = total.numerator();
        dens[n] = total.denominator() == null ? 0 : total.denominator();
        int[] parts = new int[n];
        for (int i = 0; i < n; i++) {
            parts[i] = i;
        }
        List<SmallCellSuppression.Equation> line = List.of(new SmallCellSuppression.Equation(n, parts));
        boolean[] denTotal = new boolean[n + 1];
        denTotal[n] = linked.totalDenominatorHidden();
        boolean[] hideDen = countDenominator ? SmallCellSuppression.suppress(dens, line, denTotal, new boolean[n + 1])
                : new boolean[n + 1];
        boolean[] numTotal = new boolean[n + 1];
        numTotal[n] = linked.totalNumeratorHidden();
        boolean[] hideNum = def.unit() == IndicatorUnit.PERSON_YEARS ? hideDen
                : SmallCellSuppression.suppress(nums, line, numTotal, new boolean[n + 1]);
        return new Hiding(hideNum, hideDen);
    }

    /**
     * Rows then the total, with the numerators and denominators hidden as decided. Scale -1 means per month:
     * each month's own annualisation. Values are hidden when their numerator or denominator is.
     */
    private List<IndicatorRow> rows(IndicatorDefinition def, List<IndicatorEngine.Raw> raws, IndicatorEngine.Raw total,
                                    List<String> categories, List<String> labels, boolean estimate, double scale,
                                    Hiding hiding, List<Period> months) {
        int n = raws.size();
        boolean countDenominator = !estimate && total.denominator() != null;
        boolean[] hideNum = hiding.numerators();
        boolean[] hideDen = hiding.denominators();
        List<IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            IndicatorEngine.Raw raw = i < n ? raws.get(i) : total;
            String category = i < n ? categories.get(i) : IndicatorEngine.TOTAL;
            String label = i < n ? labels.get(i) : message("indicators.category.TOTAL");
            double s = scale;
            if (scale < 0 && months != null) {
                Period p = i < n ? months.get(i) : null;
                s = scaleFor(def, p);
            }
            boolean hidden = hideNum[i] || hideDen[i];
            Double value = hidden ? null : value(def, raw, s);
            String numerator = text(raw.numerator(), hideNum[i]);
            String denominator = raw.denominator() == null ? null
                    : countDenominator ? text(raw.denominator(), hideDen[i]) : String.valueOf(raw.denominator());
            rows.add(new IndicatorRow(category, label, numerator, denominator, value, def.band(value), hidden));
        }
        return rows;
    }

    private static double scaleFor(IndicatorDefinition def, Period month) {
        return switch (def.unit()) {
            case COUNT -> 1;
            case PER_PERSON_YEAR -> month == null ? 1 : 365.0 / month.days();
            case PERSON_YEARS -> 1 / IndicatorEngine.DAYS_PER_YEAR;
            case PER_1000_PERSON_YEARS -> IndicatorEngine.DAYS_PER_YEAR * 1000;
            default -> 100;
        };
    }

    private static String text(long count, boolean hidden) {
        if (!hidden) {
            return String.valueOf(count);
        }
        return SmallCellSuppression.isSmall(count) ? SmallCellSuppression.SMALL : SmallCellSuppression.HIDDEN;
    }

    private static Double value(IndicatorDefinition def, IndicatorEngine.Raw raw, double scale) {
        if (def.unit() == IndicatorUnit.COUNT) {
            return (double) raw.numerator();
        }
        if (def.unit() == IndicatorUnit.PERSON_YEARS) {
            return Math.round(raw.numerator() * scale * 10) / 10.0;
        }
        if (raw.denominator() == null || raw.denominator() == 0) {
            return null;
        }
        return Math.round(raw.numerator() * scale / raw.denominator() * 10) / 10.0;
    }

    private String label(Disaggregation d, String category, Map<Long, String> names) {
        if (category.equals(IndicatorEngine.UNKNOWN) || category.equals(IndicatorEngine.TOTAL)) {
            return message("indicators.category." + category);
        }
        return switch (d) {
            case SITE, ORGANISATION -> names.getOrDefault(Long.valueOf(category), category);
            case SEX -> message("gender." + category);
            case KEY_POPULATION -> message("keyPopulation." + category);
            case DRUG -> message("drug." + category);
            case ROUTE -> message("route." + category);
            case AGE_25, AGE_BANDS -> message("indicators.age." + category);
            default -> category;
        };
    }

    private String message(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    // ---- own indicators

    /** The own indicators shown for a scope: those of its organisation, when the scope is one organisation. */
    public List<OwnIndicator> ownIndicators(ReachUser actor, IndicatorScope scope) {
        requireViewer(actor);
        return scope.organisationId() == null ? List.of() : store.ownIndicators(List.of(scope.organisationId()));
    }

    /** Every definition shown for a scope: the built-in and contributed ones, then the organisation's own. */
    public List<IndicatorDefinition> definitions(ReachUser actor, IndicatorScope scope) {
        List<IndicatorDefinition> all = new ArrayList<>(definitions(actor));
        ownIndicators(actor, scope).forEach(own -> all.add(own.definition()));
        return all;
    }

    private IndicatorDefinition definition(ReachUser actor, IndicatorScope scope, String code) {
        return definitions(actor, scope).stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("indicator", code));
    }

    /**
     * Defines an indicator over a service the organisation offers (its own or a built-in one): the people who received
     * it or the quantity given, as a count or per a built-in denominator.
     */
    @Transactional
    public OwnIndicator defineOwnIndicator(ReachUser actor, OwnIndicatorForm form) {
        if (!mayEdit(actor)) {
            throw new Forbidden("define indicator");
        }
        long organisationId = actor.organisationId();
        Problems problems = new Problems();
        problems.check(form.organisationId() == null || form.organisationId() == organisationId, "organisationId",
                "indicators.error.organisation");
        String name = form.name() == null ? "" : form.name().strip();
        problems.check(!name.isEmpty(), "name", "error.required");
        problems.check(name.length() <= 200, "name", "error.tooLong", 200);
        boolean offered = form.serviceCode() != null && catalogue.services(actor).stream()
                .map(ServiceDefinition::code).anyMatch(form.serviceCode()::equals);
        problems.check(offered, "serviceCode", "indicators.error.ownService");
        problems.check(form.counts() != null, "counts", "error.required");
        problems.check(form.per() != null, "per", "error.required");
        problems.throwIfAny();
        long id = store.saveOwnIndicator(organisationId, name, form.serviceCode(), form.counts(), form.per(), actor.id(),
                Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "indicator_own", id, form.serviceCode());
        // the cached periods were summed without this service's people
        cache.clear();
        return store.ownIndicators(List.of(organisationId)).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void retireOwnIndicator(ReachUser actor, long id) {
        if (!mayEdit(actor)) {
            throw new Forbidden("retire indicator");
        }
        if (!store.retireOwnIndicator(actor.organisationId(), id, Instant.now(clock))) {
            throw new NotFound("indicator", OwnIndicator.PREFIX + id);
        }
        audit.recordWrite(actor, actor.organisationId(), AuditAction.DEACTIVATE, "indicator_own", id, null);
    }

    /** The services an own indicator may count: those the person's organisation offers, built-in or its own. */
    public List<ServiceDefinition> countableServices(ReachUser actor) {
        return mayEdit(actor) ? catalogue.services(actor) : List.of();
    }

    private IndicatorEngine known(IndicatorEngine engine, IndicatorScope scope) {
        if (scope.organisationId() != null) {
            store.ownIndicators(List.of(scope.organisationId())).forEach(engine::know);
        }
        return engine;
    }

    // ---- size estimates

    public List<Denominator> denominators(ReachUser actor, IndicatorScope scope) {
        requireViewer(actor);
        return store.denominators(scope.organisationIds());
    }

    @Transactional
    public Denominator saveDenominator(ReachUser actor, DenominatorForm form) {
        if (!mayEdit(actor)) {
            throw new Forbidden("enter size estimate");
        }
        long organisationId = actor.organisationId();
        Problems problems = new Problems();
        problems.check(form.organisationId() == null || form.organisationId() == organisationId, "organisationId",
                "indicators.error.organisation");
        problems.check(form.population() != null, "population", "error.required");
        String area = form.area() == null ? "" : form.area().trim();
        problems.check(!area.isEmpty(), "area", "error.required");
        problems.check(area.length() <= 200, "area", "error.tooLong", 200);
        problems.check(form.year() != null && form.year() >= 2000 && form.year() <= 2100, "year", "indicators.error.year");
        problems.check(form.estimate() != null && form.estimate() > 0, "estimate", "indicators.error.estimate");
        String source = form.source() == null || form.source().isBlank() ? null : form.source().trim();
        problems.check(source == null || source.length() <= 300, "source", "error.tooLong", 300);
        problems.throwIfAny();
        long id = store.saveDenominator(organisationId, form.population(), area, form.year(), form.estimate(), source,
                actor.id(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "indicator_denominator", id,
                form.population() + " " + form.year());
        return store.denominators(List.of(organisationId)).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    // ---- DHIS2

    public List<Dhis2Mapping> mappings(ReachUser actor, IndicatorScope scope) {
        requireViewer(actor);
        return store.mappings(scope.organisationIds());
    }

    @Transactional
    public Dhis2Mapping saveMapping(ReachUser actor, Dhis2MappingForm form) {
        if (!mayEdit(actor)) {
            throw new Forbidden("map indicator to DHIS2");
        }
        long organisationId = actor.organisationId();
        Problems problems = new Problems();
        problems.check(form.organisationId() == null || form.organisationId() == organisationId, "organisationId",
                "indicators.error.organisation");
        IndicatorDefinition def = store.definitions().stream().filter(d -> d.code().equals(form.indicatorCode()))
                .findFirst().orElse(null);
        problems.check(def != null, "indicatorCode", "indicators.error.indicator");
        Disaggregation d = form.disaggregation() == null ? Disaggregation.NONE : form.disaggregation();
        problems.check(def == null || d == Disaggregation.NONE || def.disaggregations().contains(d), "disaggregation",
                "indicators.error.disaggregation");
        String category = mappedCategory(d, form.category());
        problems.check(category.length() <= 60, "category", "error.tooLong", 60);
        problems.check(d != Disaggregation.NONE || category.equals(IndicatorEngine.TOTAL), "category",
                "indicators.error.category");
        for (String[] uid : new String[][] {{"dataElement", form.dataElement()},
                {"categoryOptionCombo", form.categoryOptionCombo()}, {"orgUnit", form.orgUnit()}}) {
            problems.check(uid[1] != null && DHIS2_UID.matcher(uid[1]).matches(), uid[0], "indicators.error.uid");
        }
        problems.throwIfAny();
        long id = store.saveMapping(organisationId, def.code(), d, category, form.dataElement(),
                form.categoryOptionCombo(), form.orgUnit(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, "indicator_dhis2_mapping", id, def.code());
        return store.mappings(List.of(organisationId)).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    /**
     * The DHIS2 {@code dataValueSets} payload for one organisation and a month, quarter or year: one data value
     * per mapping, suppressed values withheld. Counts are sent for count indicators, rates with one decimal.
     */
    public DataValueSet dataValueSet(ReachUser actor, IndicatorScope scope, Period asked) {
        requireViewer(actor);
        Period period = counted(asked);
        if (narrowerThanVisible(actor, scope)) {
            // Beside the programme's figures, one organisation's withheld values could be worked out.
            throw new Forbidden("DHIS2 values of one organisation of a programme one coordinates");
        }
        Problems problems = new Problems();
        problems.check(period.dhis2() != null, "period", "indicators.error.dhis2Period");
        problems.check(!period.toDate(), "period", "indicators.error.dhis2ToDate");
        problems.check(scope.organisationIds().size() == 1 && scope.siteId() == null, "organisationId",
                "indicators.error.dhis2Scope");
        problems.throwIfAny();
        List<DataValueSet.DataValue> values = new ArrayList<>();
        List<DataValueSet.LeftOut> leftOut = new ArrayList<>();
        Map<String, IndicatorTable> cache = new java.util.HashMap<>();
        IndicatorEngine engine = engine(scope, period);
        for (Dhis2Mapping m : store.mappings(scope.organisationIds())) {
            IndicatorDefinition def = store.definitions().stream().filter(d -> d.code().equals(m.indicatorCode()))
                    .findFirst().orElseThrow();
            IndicatorTable table = cache.computeIfAbsent(m.indicatorCode() + "/" + m.disaggregation(),
                    k -> table(def, period, m.disaggregation(), engine, false, scope));
            IndicatorRow row = m.category().equals(IndicatorEngine.TOTAL) ? table.total()
                    : table.rows().stream().filter(r -> r.category().equals(m.category())).findFirst().orElse(null);
            // Nothing mapped is dropped without a word: whoever reads the payload must know what it lacks and why.
            DataValueSet.Reason reason = row == null ? DataValueSet.Reason.NO_SUCH_CATEGORY
                    : row.suppressed() ? DataValueSet.Reason.SUPPRESSED
                    : row.value() == null ? DataValueSet.Reason.NO_VALUE : null;
            if (reason != null) {
                leftOut.add(new DataValueSet.LeftOut(m.dataElement(), m.categoryOptionCombo(), m.indicatorCode(),
                        m.disaggregation(), m.category(), reason));
                continue;
            }
            String value = def.unit() == IndicatorUnit.COUNT ? String.valueOf(Math.round(row.value()))
                    : String.valueOf(row.value());
            values.add(new DataValueSet.DataValue(m.dataElement(), period.dhis2(), m.orgUnit(), m.categoryOptionCombo(),
                    value));
        }
        return new DataValueSet(values, leftOut);
    }
}
