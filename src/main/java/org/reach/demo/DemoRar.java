package org.reach.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.rar.Assessment;
import org.reach.rar.AssessmentForm;
import org.reach.rar.AssessmentStatus;
import org.reach.rar.CaptureForm;
import org.reach.rar.FindingCode;
import org.reach.rar.GatheringReason;
import org.reach.rar.Hotspot;
import org.reach.rar.HotspotForm;
import org.reach.rar.KeyInformantForm;
import org.reach.rar.MultiplierForm;
import org.reach.rar.NoteForm;
import org.reach.rar.NoteKind;
import org.reach.rar.Priority;
import org.reach.rar.PopulationSizes;
import org.reach.rar.AssessmentFindings;
import org.reach.rar.RapidAssessments;
import org.reach.rar.RecommendationForm;
import org.reach.rar.RecommendationStatus;
import org.reach.rar.SafetyRisk;
import org.reach.rar.Subgroup;
import org.reach.rar.TimeOfDay;
import org.reach.rar.Typology;
import org.reach.rar.UseType;
import org.reach.rar.VisitForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Karachi rapid assessment modelled on the 2023 study: about forty hotspots across the city's districts
 * with visits, key-informant estimates, two capture-recapture rounds, coded notes and the study's nine
 * recommendations. Fixed seed, created once.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoRar implements ApplicationRunner {

    static final String TITLE = "Karachi rapid assessment 2026";
    private static final Logger log = LoggerFactory.getLogger(DemoRar.class);

    /** District, centre latitude, centre longitude, and the kinds of places found there. */
    private record District(String name, double lat, double lon, List<String> places) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("Lyari", 24.8690, 66.9960, List.of("Graveyard behind the football ground", "Old cinema ruins", "Chakiwara lane", "Nullah bank")),
            new District("Saddar", 24.8570, 67.0260, List.of("Empress Market back lane", "Bus stand underpass", "Old hostel building", "Railway footbridge")),
            new District("Korangi", 24.8350, 67.1350, List.of("Crossing under the bridge", "Industrial area wall", "Graveyard gate", "Market yard")),
            new District("Orangi", 24.9500, 66.9900, List.of("Hill slope shacks", "Nullah crossing", "Bus terminal corner", "Abandoned school")),
            new District("Gulshan-e-Iqbal", 24.9200, 67.0950, List.of("Park behind the mosque", "Bridge pillars", "Vacant plot")),
            new District("Landhi", 24.8450, 67.2000, List.of("Railway line", "Landhi graveyard", "Market roof", "Factory ruins")),
            new District("Baldia", 24.9300, 66.9600, List.of("Hill graveyard", "Roadside sheds", "Canal bank")),
            new District("Kemari", 24.8200, 66.9800, List.of("Harbour wall", "Shrine courtyard", "Fish market back", "Boat yard")),
            new District("Jamshed Town", 24.8800, 67.0450, List.of("Railway colony", "Graveyard corner", "Park benches")),
            new District("Malir", 24.8950, 67.2000, List.of("Riverbed", "Bus stop shelter", "Old fort wall")),
            new District("SITE", 24.9050, 66.9950, List.of("Truck stand", "Mill compound", "Roadside tea stall area")));

    private static final String[][] NOTES = {
            {"BARRIERS", "NON_INJECTING", "People who smoke heroin said the outreach team only asks about injecting, so they think the services are not for them.", "They give needles. We do not inject, so what is there for us?"},
            {"VIOLENCE_POLICE", "ALL", "Police raids at night push people to more hidden places; belongings and medicines are taken.", "When the police come we run, and we leave everything behind."},
            {"OVERDOSE", "INJECTING", "Several overdoses were witnessed in the last month; nobody present knew about naloxone.", "We pour water on him and wait. That is all we know."},
            {"INFECTIONS_WOUNDS", "INJECTING", "Untreated abscesses on arms and legs; people avoid the hospital because staff shout at them.", null},
            {"BASIC_NEEDS", "ALL", "Free food from the shrine is the main reason to stay; no place to wash.", "Here at least we eat once a day."},
            {"MENTAL_HEALTH", "YOUTH", "Young men describe hopelessness after leaving home; some talk about ending their life.", null},
            {"VIOLENCE_COMMUNITY", "WOMEN", "Women who use drugs are harassed by neighbours and avoid the drop-in centre because men are there.", "A woman cannot sit there among all those men."},
            {"NEEDS", "WOMEN", "Women ask for a separate time or place and for sanitary products.", null},
            {"VIOLENCE_DEALERS", "ALL", "Dealers beat people who owe money and sell adulterated methamphetamine.", null},
            {"BARRIERS", "TRANSGENDER", "Transgender people use methamphetamine at private gatherings and never come to the sites.", "They look at us as if we are a joke."},
            {"NEEDS", "NON_INJECTING", "People who smoke ask for pipes, lip balm and help with coughing and chest pain.", null},
            {"BARRIERS", "INJECTING", "The drop-in centre is too far; bus fare costs as much as a dose.", null},
            {"INFECTIONS_WOUNDS", "ALL", "Scabies and skin infections are common at the graveyard hotspots.", null},
            {"MENTAL_HEALTH", "ALL", "Many describe loss of family contact and shame as the reason they keep using.", null},
            {"OVERDOSE", "NON_INJECTING", "Mixing tablets with heroin is common among smokers and led to deaths this year.", null},
            {"VIOLENCE_POLICE", "YOUTH", "Boys are taken to the police station and released after payment.", null},
            {"BASIC_NEEDS", "YOUTH", "Young people sleep at the bus terminal and work loading trucks.", null},
            {"NEEDS", "INJECTING", "People who inject ask for more needles at night when the outreach team is gone.", null},
            {"BARRIERS", "WOMEN", "Women fear that being seen at a service will be reported to their family.", null},
            {"NEEDS", "ALL", "Everybody asked for a safe place to rest during the day.", null},
            {"VIOLENCE_COMMUNITY", "ALL", "Shopkeepers throw water and stones to chase people away from the market roof.", null},
            {"INFECTIONS_WOUNDS", "INJECTING", "Wounds from injecting into the groin; people clean them with tobacco.", null},
            {"MENTAL_HEALTH", "WOMEN", "Women describe violence at home before they started using.", null},
            {"BARRIERS", "YOUTH", "Young people say the outreach workers are much older and do not understand them.", null},
    };

    private static final String[][] RECOMMENDATIONS = {
            {"Expand the harm reduction programme to people who smoke heroin and methamphetamine, given the recent shift in drug use and its HIV risk.", "BARRIERS,NEEDS", "HIGH"},
            {"Offer a comprehensive package beyond HIV: primary health care, basic medicines, dental care, opioid agonist treatment, information, basic needs, safety, peer support and better access to ART and PrEP.", "NEEDS,BASIC_NEEDS,INFECTIONS_WOUNDS", "HIGH"},
            {"Reduce preventable deaths: find the causes of death, train staff in overdose prevention, distribute naloxone and offer tests and antibiotics for common bacterial infections.", "OVERDOSE,INFECTIONS_WOUNDS", "HIGH"},
            {"Reduce loss to follow-up by cross-checking programme data on people who leave, following clients in detention and monitoring migration.", "BARRIERS", "MEDIUM"},
            {"Diversify outreach: peer-based models, outreach to underserved subgroups, centralised safe spaces, outreach in prisons, family support and partnerships with organisations for vulnerable groups.", "BARRIERS,VIOLENCE_COMMUNITY", "HIGH"},
            {"Work with rehabilitation centres and law enforcement for integrated care, accessible rehabilitation, sensitisation of police and cooperation with prisons.", "VIOLENCE_POLICE", "MEDIUM"},
            {"Run community assessments on causes of death, violence against people who use drugs, quality of rehabilitation facilities, new drug trends and mental health support.", "MENTAL_HEALTH,VIOLENCE_POLICE,VIOLENCE_DEALERS", "MEDIUM"},
            {"Monitor the drug market to anticipate trends, limit overdose risk, put public health before enforcement and prepare emergency plans.", "OVERDOSE,VIOLENCE_DEALERS", "MEDIUM"},
            {"Policy: quality standards for rehabilitation services, prison reform to reduce imprisonment for drug use, and police reform to reduce arbitrary arrests and raids.", "VIOLENCE_POLICE", "LOW"},
    };

    private final RapidAssessments rar;
    private final PopulationSizes sizes;
    private final AssessmentFindings findings;
    private final OrganisationDirectory directory;

    DemoRar(RapidAssessments rar, PopulationSizes sizes, AssessmentFindings findings, OrganisationDirectory directory) {
        this.rar = rar;
        this.sizes = sizes;
        this.findings = findings;
        this.directory = directory;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ReachUser system = ReachUser.system();
        Organisation karachi = directory.organisations(system).stream()
                .filter(o -> o.name().equals("Saathi Harm Reduction Karachi")).findFirst().orElse(null);
        if (karachi == null) {
            return;
        }
        if (rar.assessments(system).stream().anyMatch(a -> a.organisationId() == karachi.id() && a.title().equals(TITLE))) {
            log.info("Demo rapid assessment already present.");
            return;
        }
        Random random = new Random(2026);
        Assessment assessment = rar.createAssessment(system, new AssessmentForm(karachi.id(), TITLE, "Karachi",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30),
                "Two research coordinators, six peer researchers (three women), one M&E officer",
                AssessmentForm.KARACHI_QUESTIONS, AssessmentStatus.ANALYSIS));
        List<Hotspot> hotspots = new ArrayList<>();
        Typology[] typologies = Typology.values();
        for (District district : DISTRICTS) {
            for (String place : district.places()) {
                Typology typology = typologyOf(place, typologies[random.nextInt(typologies.length)]);
                UseType use = UseType.values()[random.nextInt(3)];
                List<String> drugs = new ArrayList<>(List.of("HEROIN"));
                if (random.nextDouble() < 0.6) {
                    drugs.add("METHAMPHETAMINE");
                }
                if (random.nextDouble() < 0.4) {
                    drugs.add("CANNABIS");
                }
                if (random.nextDouble() < 0.2) {
                    drugs.add("BENZODIAZEPINES");
                }
                double accuracy = random.nextDouble() < 0.1 ? 60 + random.nextInt(80) : 4 + random.nextInt(20);
                hotspots.add(rar.createHotspot(system, assessment.id(), new HotspotForm(district.name() + ": " + place,
                        district.name(), round(district.lat() + (random.nextDouble() - 0.5) * 0.02),
                        round(district.lon() + (random.nextDouble() - 0.5) * 0.02), accuracy, null, typology, use, drugs,
                        pick(random, GatheringReason.values(), 2), pick(random, TimeOfDay.values(), 2),
                        pick(random, SafetyRisk.values(), 1), random.nextDouble() < 0.3, random.nextDouble() < 0.5,
                        random.nextDouble() < 0.1)));
            }
        }
        for (int i = 0; i < hotspots.size(); i++) {
            Hotspot h = hotspots.get(i);
            int size = 8 + random.nextInt(60);
            int visits = 2 + random.nextInt(3);
            for (int v = 0; v < visits; v++) {
                int total = Math.max(1, (int) Math.round(size * (0.4 + random.nextDouble() * 0.5)));
                double injectShare = h.useType() == UseType.INJECTING ? 0.8 : h.useType() == UseType.NON_INJECTING ? 0.1 : 0.45;
                int injecting = (int) Math.round(total * injectShare);
                int women = h.womenPresent() ? Math.min(total, 1 + random.nextInt(Math.max(1, total / 6))) : 0;
                int youth = h.youthPresent() ? random.nextInt(Math.max(1, total / 3)) : 0;
                int transgender = h.transgenderPresent() ? Math.min(total, 1 + random.nextInt(3)) : 0;
                sizes.addVisit(system, h.id(), new VisitForm(LocalDate.of(2026, 2, 3).plusDays(v * 14L + random.nextInt(10)),
                        TimeOfDay.values()[random.nextInt(4)], total, injecting, total - injecting, women, youth, transgender));
            }
            if (i % 4 != 3) {
                for (String informant : List.of("tea stall owner", "peer outreach worker", "shrine caretaker").subList(0, 2 + random.nextInt(2))) {
                    int min = Math.max(2, (int) Math.round(size * (0.5 + random.nextDouble() * 0.3)));
                    sizes.addKeyInformant(system, h.id(), new KeyInformantForm(informant, min,
                            min + 5 + random.nextInt(Math.max(6, size / 2))));
                }
            }
            if (i % 3 == 0) {
                int n1 = Math.max(4, (int) Math.round(size * (0.4 + random.nextDouble() * 0.3)));
                int n2 = Math.max(4, (int) Math.round(size * (0.4 + random.nextDouble() * 0.3)));
                int m = Math.max(1, Math.min(Math.min(n1, n2), (int) Math.round((double) n1 * n2 / size)));
                sizes.addCapture(system, h.id(), new CaptureForm(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), n1, n2, m));
            }
            if (i % 10 == 5) {
                sizes.addMultiplier(system, h.id(), new MultiplierForm("Needles and syringes at the drop-in centre",
                        Math.max(3, size / 3), 30, 6 + random.nextInt(10)));
            }
            Map<Subgroup, Integer> reached = new EnumMap<>(Subgroup.class);
            // Consistent as a field team would count: the routes split everybody reached, women are among them.
            int all = random.nextInt(Math.max(1, size / 2));
            int injecting = Math.min(all, random.nextInt(Math.max(1, size / 3)));
            reached.put(Subgroup.ALL, all);
            reached.put(Subgroup.INJECTING, injecting);
            reached.put(Subgroup.NON_INJECTING, Math.min(all - injecting, random.nextInt(3)));
            reached.put(Subgroup.WOMEN, Math.min(all, random.nextInt(2)));
            sizes.setReached(system, h.id(), reached);
        }
        for (int i = 0; i < NOTES.length; i++) {
            String[] note = NOTES[i];
            Hotspot where = hotspots.get(random.nextInt(hotspots.size()));
            findings.addNote(system, assessment.id(), new NoteForm(i % 3 == 2 ? null : where.id(),
                    NoteKind.values()[i % 3], Subgroup.valueOf(note[1]),
                    List.of(note[0].split(",")).stream().map(FindingCode::valueOf).toList(), note[2], note[3], true));
        }
        for (int i = 0; i < RECOMMENDATIONS.length; i++) {
            String[] r = RECOMMENDATIONS[i];
            findings.addRecommendation(system, assessment.id(), new RecommendationForm(r[0],
                    List.of(r[1].split(",")).stream().map(FindingCode::valueOf).toList(), Priority.valueOf(r[2]),
                    i < 3 ? "Programme manager" : "M&E officer", i < 2 ? RecommendationStatus.AGREED : RecommendationStatus.PROPOSED));
        }
        log.info("Demo rapid assessment created: {} hotspots.", hotspots.size());
    }

    private static Typology typologyOf(String place, Typology fallback) {
        String p = place.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("graveyard")) {
            return Typology.GRAVEYARD;
        } else if (p.contains("park")) {
            return Typology.PARK;
        } else if (p.contains("market")) {
            return Typology.MARKET;
        } else if (p.contains("railway") || p.contains("bus") || p.contains("truck")) {
            return Typology.STATION;
        } else if (p.contains("shrine")) {
            return Typology.SHRINE;
        } else if (p.contains("nullah") || p.contains("canal") || p.contains("river")) {
            return Typology.RIVERBANK;
        } else if (p.contains("ruins") || p.contains("abandoned") || p.contains("old") || p.contains("vacant")) {
            return Typology.ABANDONED_BUILDING;
        } else if (p.contains("road") || p.contains("lane") || p.contains("crossing") || p.contains("bridge")) {
            return Typology.STREET;
        }
        return fallback == Typology.OTHER ? Typology.BUSY_NEIGHBOURHOOD : fallback;
    }

    private static <E> List<E> pick(Random random, E[] values, int max) {
        List<E> picked = new ArrayList<>();
        int count = 1 + random.nextInt(max);
        for (int i = 0; i < count; i++) {
            E value = values[random.nextInt(values.length)];
            if (!picked.contains(value)) {
                picked.add(value);
            }
        }
        return picked;
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
