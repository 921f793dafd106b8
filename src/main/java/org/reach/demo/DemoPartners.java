package org.reach.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.reach.accounts.SignIn;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Programme;
import org.reach.partners.ActionForm;
import org.reach.partners.ActionPlans;
import org.reach.partners.ActionSource;
import org.reach.partners.ActionStatus;
import org.reach.partners.Assessment;
import org.reach.partners.AssessmentForm;
import org.reach.partners.AssessmentFramework;
import org.reach.partners.AssessmentKind;
import org.reach.partners.CapacityBuilding;
import org.reach.partners.Domain;
import org.reach.partners.ExchangeVisitForm;
import org.reach.partners.Participant;
import org.reach.partners.PartnerAction;
import org.reach.partners.PartnerAssessments;
import org.reach.partners.ProgressForm;
import org.reach.partners.Question;
import org.reach.partners.ScoreEntry;
import org.reach.partners.ScoresForm;
import org.reach.partners.TrainingForm;
import org.reach.partners.Twinning;
import org.reach.partners.TwinningForm;
import org.reach.partners.TwinningSuggestion;
import org.reach.partners.Twinnings;
import org.reach.partners.Visitor;
import org.reach.platform.ReachUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kenya mission as demonstration data: Mainline (Netherlands), the Karachi partner in the role Nai
 * Zindagi played (Pakistan) and two Kenyan partners, each with a finalised baseline assessment by a team from
 * two countries, one twinning, an action plan, a training and an exchange visit. Fixed seed, created once.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoPartners implements ApplicationRunner {

    static final String MAINLINE = "Mainline";
    static final String KILIFI = "Sauti Recovery Centre Kilifi";
    private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

    private final OrganisationDirectory directory;
    private final SignIn signIn;
    private final AssessmentFramework framework;
    private final PartnerAssessments assessments;
    private final Twinnings twinnings;
    private final ActionPlans actions;
    private final CapacityBuilding capacity;
    private final Clock clock;

    DemoPartners(OrganisationDirectory directory, SignIn signIn, AssessmentFramework framework,
                 PartnerAssessments assessments, Twinnings twinnings, ActionPlans actions, CapacityBuilding capacity,
                 Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.signIn = signIn;
        this.framework = framework;
        this.assessments = assessments;
        this.twinnings = twinnings;
        this.actions = actions;
        this.capacity = capacity;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ReachUser system = ReachUser.system();
        Programme programme = directory.programmes(system).stream().filter(p -> p.name().equals(DemoData.PROGRAMME))
                .findFirst().orElse(null);
        if (programme == null || directory.organisations(system).stream().anyMatch(o -> o.name().equals(MAINLINE))) {
            log.info("Demo partners already present.");
            return;
        }
        framework.ensureBuiltIn();
        Organisation mainline = directory.createOrganisation(system,
                new OrganisationForm(MAINLINE, "NL", List.of("nl", "en"), programme.id()));
        Organisation kilifi = directory.createOrganisation(system,
                new OrganisationForm(KILIFI, "KE", List.of("sw", "en"), programme.id()));
        Organisation karachi = byName("Saathi Harm Reduction Karachi");
        Organisation mombasa = byName("Pwani Peer Network Mombasa");

        ReachUser coordinator = signIn.loadUserByUsername("coordinator");
        ReachUser karachiManager = signIn.loadUserByUsername("karachi.manager");
        ReachUser mombasaManager = signIn.loadUserByUsername("mombasa.manager");
        Random random = new Random(2026);
        LocalDate missionStart = LocalDate.of(2026, 3, 9);

        // Domain profiles in framework order: governance, finance, HR, M&E, services, harm reduction, rights, advocacy
        baseline(coordinator, mombasaManager, mainline, missionStart.minusDays(20), new int[] {3, 4, 3, 3, 3, 4, 4, 4}, random,
                "Amsterdam office and outreach team");
        baseline(coordinator, mombasaManager, karachi, missionStart.minusDays(10), new int[] {3, 3, 3, 4, 4, 4, 2, 3}, random,
                "Lyari drop-in centre, Korangi OAT centre");
        Assessment pwani = baseline(coordinator, karachiManager, mombasa, missionStart, new int[] {2, 2, 2, 1, 2, 2, 3, 2}, random,
                "Old Town drop-in centre, Kisauni safe space");
        Assessment sauti = baseline(coordinator, karachiManager, kilifi, missionStart.plusDays(5), new int[] {3, 3, 2, 2, 2, 1, 1, 1},
                random, "Residential rehabilitation centre, Kilifi town");

        List<TwinningSuggestion> forPwani = twinnings.suggestionsFor(coordinator, pwani.id());
        TwinningSuggestion best = forPwani.get(0);
        Twinning twinning = twinnings.record(coordinator, new TwinningForm(mombasa.id(), best.organisationId(), pwani.id(),
                best.domains(), "Agreed at the mission debriefing in Mombasa"));
        LocalDate today = LocalDate.now(clock);
        PartnerAction dataAction = actions.create(coordinator, new ActionForm(mombasa.id(), ActionSource.TWINNING, pwani.id(),
                twinning.id(), null, "Introduce unique identifier codes and monthly data review at all sites",
                best.domains().get(0), "Pwani M&E officer", best.organisationId(), today.plusDays(45)));
        actions.recordProgress(coordinator, dataAction.id(), new ProgressForm(ActionStatus.IN_PROGRESS,
                "Registers redesigned with the Karachi M&E team"));
        PartnerAction rightsAction = actions.create(coordinator, new ActionForm(kilifi.id(), ActionSource.RAR, sauti.id(),
                null, "RAR Coast 2026, recommendation 4", "Offer needle and syringe services and OST referral without an abstinence condition",
                "HARM_REDUCTION", "Centre director", mainline.id(), today.plusDays(90)));
        actions.create(coordinator, new ActionForm(kilifi.id(), ActionSource.ASSESSMENT, sauti.id(), null, null,
                "Start documenting police harassment and refer to legal aid", "HUMAN_RIGHTS", "Centre director",
                mainline.id(), today.plusDays(120)));

        capacity.recordTraining(coordinator, new TrainingForm("Organisation building and harm reduction programming",
                missionStart.plusDays(60), karachi.id(), "Nai Zindagi and Mainline trainers",
                List.of(new Participant(mombasa.id(), null, "Peer educator", 45, 80),
                        new Participant(mombasa.id(), null, "Outreach coordinator", 55, 85),
                        new Participant(kilifi.id(), null, "Counsellor", 30, 70),
                        new Participant(kilifi.id(), null, "Centre director", 40, 75)),
                List.of(dataAction.id(), rightsAction.id())));
        capacity.recordExchangeVisit(coordinator, new ExchangeVisitForm(karachi.id(), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 8), "See the continuum of care from outreach to OST and vocational training",
                "Peer-led outreach in Lyari and the Korangi OAT centre showed how a low-income setting can run harm reduction at scale.",
                List.of(new Visitor(mombasa.id(), null, 3), new Visitor(kilifi.id(), null, 2)), List.of(rightsAction.id())));
        log.info("Demo partners created: baseline assessments for 4 partners, 1 twinning, 3 actions.");
    }

    private Assessment baseline(ReachUser coordinator, ReachUser second, Organisation partner, LocalDate start,
                                int[] profile, Random random, String sites) {
        Assessment assessment = assessments.create(coordinator, new AssessmentForm(partner.id(), AssessmentKind.BASELINE,
                start, start.plusDays(2), sites, List.of(second.id()), "Tariq Zafar (Nai Zindagi)\nMiriam Elderhorst (Mainline)"));
        List<ScoreEntry> mine = new ArrayList<>();
        List<ScoreEntry> theirs = new ArrayList<>();
        List<ScoreEntry> consensus = new ArrayList<>();
        List<Domain> domains = framework.version(assessment.frameworkId()).domains();
        for (int d = 0; d < domains.size(); d++) {
            for (Question q : domains.get(d).questions()) {
                int target = profile[Math.min(d, profile.length - 1)];
                int other = clamp(target + (random.nextInt(4) == 0 ? (random.nextBoolean() ? 1 : -1) : 0));
                mine.add(new ScoreEntry(q.id(), target, "Observed during the site visit"));
                theirs.add(new ScoreEntry(q.id(), other, "Interviews with staff and peers"));
                if (other != target) {
                    consensus.add(new ScoreEntry(q.id(), target, "Agreed at the team debriefing"));
                }
            }
        }
        assessments.saveMyScores(coordinator, assessment.id(), new ScoresForm(mine));
        assessments.saveMyScores(second, assessment.id(), new ScoresForm(theirs));
        if (!consensus.isEmpty()) {
            assessments.settleConsensus(coordinator, assessment.id(), new ScoresForm(consensus));
        }
        assessments.finalise(coordinator, assessment.id());
        return assessment;
    }

    private static int clamp(int score) {
        return Math.max(1, Math.min(4, score));
    }

    private Organisation byName(String name) {
        Map<String, Organisation> byName = new LinkedHashMap<>();
        directory.organisations(ReachUser.system()).forEach(o -> byName.put(o.name(), o));
        return byName.get(name);
    }
}
