package org.reach.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.reach.accounts.SignIn;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.KeyPopulation;
import org.reach.infections.InfectionConflict;
import org.reach.infections.InfectionForm;
import org.reach.infections.InfectionKind;
import org.reach.infections.Infections;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A year of hepatitis C testing, TB screening and wound care in Karachi, recorded through the infections facade.
 * The HCV cascade follows what programmes for people who inject drugs in Pakistan report: most clients who inject
 * are tested, about half of them antibody positive (far fewer among those who smoke), four in five positives get an
 * RNA test of which about three in four are viraemic, about two thirds of those start sofosbuvir/daclatasvir within
 * weeks, most complete twelve weeks and nearly all who reach SVR12 are cured. A quarter of clients are screened for
 * TB symptoms, one in seven screens positive, some of them are diagnosed (GeneXpert mostly) and start treatment with
 * WHO outcomes six months later. One client who injects in seven has a wound or abscess assessed. Dates fall between
 * a client's first and last contact in the last year; uuids come from the client's code, and nothing is recorded
 * when the organisation already has records, so a restart adds nothing.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class DemoInfections implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInfections.class);
    private static final long SEED = 20261205L;

    private final SignIn signIn;
    private final Infections infections;
    private final ClientRegistry registry;
    private final Clock clock;

    DemoInfections(SignIn signIn, Infections infections, ClientRegistry registry, Clock clock) {
        this.signIn = signIn;
        this.infections = infections;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReachUser manager;
        try {
            manager = signIn.loadUserByUsername("karachi.manager");
        } catch (UsernameNotFoundException missing) {
            return;
        }
        if (infections.list(manager, null, null, 0, 1).total() > 0) {
            log.info("Demo infection records for Karachi already present.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int stored = 0;
        try {
            for (Client client : clients(manager)) {
                for (InfectionForm form : plan(client, today)) {
                    infections.record(manager, form);
                    stored++;
                }
            }
        } catch (InvalidInput | InfectionConflict refused) {
            log.warn("Demo infection records for Karachi not all recorded: {}", refused.getMessage());
        }
        log.info("Demo infection records for Karachi: {} stored.", stored);
    }

    private List<Client> clients(ReachUser manager) {
        return DemoClientList.of(registry, manager);
    }

    /** One client's records in date order, from a seed of their code. */
    private static List<InfectionForm> plan(Client client, LocalDate today) {
        Random random = new Random(SEED ^ client.uic().hashCode());
        List<InfectionForm> forms = new ArrayList<>();
        LocalDate from = later(client.firstContact(), today.minusDays(365));
        LocalDate to = client.lastContact() == null ? today : earlier(client.lastContact(), today);
        if (from == null || to == null || to.isBefore(from)) {
            return forms;
        }
        boolean injects = client.keyPopulations().contains(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS);
        Planner p = new Planner(client, today, forms);

        if (random.nextDouble() < (injects ? 0.8 : 0.45)) {
            LocalDate tested = between(random, from, to);
            boolean positive = random.nextDouble() < (injects ? 0.52 : 0.12);
            p.add(InfectionKind.HCV_ANTIBODY_TEST, tested, positive ? "POSITIVE" : "NEGATIVE", null, null);
            if (positive && random.nextDouble() < 0.8) {
                LocalDate rna = tested.plusDays(7 + random.nextInt(21));
                boolean viraemic = random.nextDouble() < 0.75;
                Long load = viraemic ? (long) Math.pow(10, 4 + random.nextDouble() * 3) : null;
                if (p.add(InfectionKind.HCV_RNA_TEST, rna, viraemic ? "DETECTED" : "NOT_DETECTED", null, load)
                        && viraemic && random.nextDouble() < 0.68) {
                    LocalDate start = rna.plusDays(7 + random.nextInt(35));
                    String regimen = random.nextDouble() < 0.85 ? "SOFOSBUVIR_DACLATASVIR" : "SOFOSBUVIR_VELPATASVIR";
                    if (p.add(InfectionKind.HCV_TREATMENT_START, start, null, regimen, null)
                            && random.nextDouble() < 0.88) {
                        LocalDate completed = start.plusWeeks(12);
                        if (p.add(InfectionKind.HCV_TREATMENT_COMPLETION, completed, null, null, null)
                                && random.nextDouble() < 0.9) {
                            LocalDate svr = completed.plusWeeks(12).plusDays(random.nextInt(21));
                            p.add(InfectionKind.HCV_SVR12, svr, random.nextDouble() < 0.95 ? "CURED" : "NOT_CURED",
                                    null, null);
                        }
                    }
                }
            }
            if (random.nextDouble() < 0.5) {
                p.add(InfectionKind.HBSAG_TEST, tested, random.nextDouble() < 0.06 ? "POSITIVE" : "NEGATIVE", null,
                        null);
            }
        }

        if (random.nextDouble() < 0.25) {
            LocalDate screened = between(random, from, to);
            boolean presumptive = random.nextDouble() < 0.15;
            p.add(InfectionKind.TB_SCREENING, screened, presumptive ? "POSITIVE" : "NEGATIVE", null, null);
            if (presumptive && random.nextDouble() < 0.75) {
                LocalDate diagnosed = screened.plusDays(3 + random.nextInt(14));
                boolean tb = random.nextDouble() < 0.45;
                String test = random.nextDouble() < 0.7 ? "GENEXPERT" : random.nextBoolean() ? "XRAY" : "SMEAR";
                if (p.add(InfectionKind.TB_DIAGNOSIS, diagnosed, tb ? "DETECTED" : "NOT_DETECTED", test, null)
                        && tb && random.nextDouble() < 0.9) {
                    LocalDate start = diagnosed.plusDays(1 + random.nextInt(10));
                    if (p.add(InfectionKind.TB_TREATMENT_START, start, null, null, null)) {
                        double r = random.nextDouble();
                        String outcome = r < 0.45 ? "CURED" : r < 0.8 ? "COMPLETED" : r < 0.9 ? "LOST_TO_FOLLOW_UP"
                                : r < 0.95 ? "DIED" : "FAILED";
                        p.add(InfectionKind.TB_TREATMENT_OUTCOME, start.plusMonths(6), outcome, null, null);
                    }
                }
            }
        }

        if (injects && random.nextDouble() < 0.15) {
            int wounds = 1 + random.nextInt(2);
            for (int i = 0; i < wounds; i++) {
                LocalDate seen = between(random, from, to);
                double r = random.nextDouble();
                String severity = r < 0.6 ? "MILD" : r < 0.9 ? "MODERATE" : "SEVERE";
                String site = List.of("ARM", "ARM", "HAND", "LEG", "GROIN", "FOOT").get(random.nextInt(6));
                String treatment = severity.equals("MILD") ? "CLEANED_DRESSED"
                        : severity.equals("MODERATE") ? (random.nextBoolean() ? "DRAINED" : "CLEANED_DRESSED")
                        : "REFERRED";
                String antibiotics = severity.equals("MILD") ? "NONE"
                        : severity.equals("MODERATE") ? "GIVEN" : "REFERRED";
                p.wound(seen, severity, site, treatment, antibiotics, seen.plusDays(severity.equals("MILD") ? 7 : 3));
            }
        }
        forms.sort(java.util.Comparator.comparing(InfectionForm::date));
        return forms;
    }

    /** Adds records that have happened by today; answers whether it did, so the steps after it may follow. */
    private record Planner(Client client, LocalDate today, List<InfectionForm> forms) {

        boolean add(InfectionKind kind, LocalDate date, String result, String detail, Long viralLoad) {
            if (date.isAfter(today)) {
                return false;
            }
            forms.add(new InfectionForm(uuid(kind, date), client.id(), null, kind, date, result, detail, viralLoad,
                    null, null, null, null));
            return true;
        }

        void wound(LocalDate date, String severity, String site, String treatment, String antibiotics,
                   LocalDate followUp) {
            forms.add(new InfectionForm(uuid(InfectionKind.WOUND_ASSESSMENT, date), client.id(), null,
                    InfectionKind.WOUND_ASSESSMENT, date, severity, site, null, treatment, antibiotics, followUp,
                    null));
        }

        private String uuid(InfectionKind kind, LocalDate date) {
            String name = "demo-infection/" + client.uic() + "/" + kind + "/" + date + "/" + forms.size();
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private static LocalDate between(Random random, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
