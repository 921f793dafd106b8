package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reach.ProgrammeFixture;
import org.reach.clients.ClientRegistration;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistrationOutcome;
import org.reach.clients.Route;
import org.reach.platform.ReachUser;
import org.reach.services.EncounterForm;
import org.reach.services.ServiceLine;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientStatusChanges;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.reach.services.Encounters;
import org.reach.services.Referrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quarterly donor report looked at as a reader would: page 1 rendered to an image by poppler's pdftoppm
 * (A4, not blank, ink on the cover, coloured coverage bands) and the text read back by pdftotext (title, period,
 * and no count of 1 to 4 in the summary table), in English and in Urdu. CI installs poppler-utils; without it
 * this test fails and says so rather than passing unseen.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DonorReportRendersAsAPageTest {

    private static final double A4_RATIO = 297.0 / 210.0;
    private static final int DPI = 50;
    /** A standalone whole number in a line of pdftotext output. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("(?<![\\d.,*<-])\\b(\\d+)\\b(?![.,]\\d|-)");

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry clients;
    @Autowired ClientStatusChanges statusChanges;
    @Autowired Encounters encounters;
    @Autowired Referrals referrals;
    @Autowired Indicators indicators;

    @TempDir Path dir;

    private ProgrammeFixture world;

    @BeforeEach
    void buildWorld() {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        new IndicatorDataset(world, clients, statusChanges, encounters, referrals, indicators,
                signIn.reload(world.foreignManager.id()).orElseThrow(), signIn.reload(world.foreignPeer.id()).orElseThrow());
    }

    @Test
    void theEnglishReportIsARealA4PageWithTitlePeriodAndOnlySuppressedSmallCounts() throws Exception {
        Path pdf = report("en");
        BufferedImage page = firstPage(pdf);
        assertIsAPage(page);
        assertThat(bandColouredPixels(page)).as("the summary table shows coloured coverage bands").isGreaterThan(50);

        String text = text(pdf);
        assertThat(text).contains("Indicator report", world.homeProgramme.name(), "2026Q1", "2026-01-01", "2026-03-31");
        List<String> summary = summaryLines(text);
        assertThat(String.join("\n", summary)).contains("Naloxone kits distributed", "Currently active clients", "<5");
        assertNoSmallCount(summary);
        // A leak would show here: the four active clients as "4", OAT retention as "1" of "2".
        assertThat(summary.stream().filter(l -> l.contains("Currently active clients")).findFirst().orElseThrow())
                .contains("<5");
    }

    @Test
    void theUrduReportIsARealA4PageInArabicScript() throws Exception {
        Path pdf = report("ur");
        BufferedImage page = firstPage(pdf);
        assertIsAPage(page);

        String text = text(pdf);
        assertThat(text).contains(world.homeProgramme.name(), "2026Q1");
        assertThat(text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count())
                .as("the Urdu headings and names come through as Arabic script").isGreaterThan(50);
        // Heh goal and yeh barree, in nearly every Urdu sentence, are missing from many fonts (DejaVu Sans among
        // them): a font without them drops them silently from the page.
        assertThat(text).as("the letters heh goal and yeh barree").contains("\u06C1").contains("\u06D2");
        List<String> summary = summaryLines(text);
        assertThat(String.join("\n", summary)).contains("<5");
        assertNoSmallCount(summary);
    }

    @Test
    void countsAreWholeNumbersPersonYearsAreYearsAndHeadersKeepTheirWords() throws Exception {
        // Five more people on OAT in the quarter, so that the person-years are not suppressed.
        ReachUser manager = world.user(Role.ORG_MANAGER);
        String[] codes = {"HOJIM91", "VYSUM92", "GETOM93", "RIWAM94", "MUCEM96"};
        for (int i = 0; i < codes.length; i++) {
            RegistrationOutcome outcome = clients.register(manager, new ClientRegistration(null, codes[i], Gender.MALE,
                    1991 + i + (i == 4 ? 1 : 0), Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS), Drug.HEROIN, null,
                    Route.INJECTING, world.homeSite.id(), null, null, LocalDate.parse("2026-01-02"), null, null, null));
            assertThat(outcome.client()).as("registered " + codes[i]).isNotNull();
            encounters.record(manager, new EncounterForm(UUID.randomUUID().toString(), LocalDate.parse("2026-01-05"),
                    world.homeSite.id(), null, outcome.client().id(), null, false,
                    List.of(ServiceLine.of("OAT_METHADONE", 60)), null, null, null));
        }
        Path pdf = report("en");
        String text = text(pdf);
        List<String> summary = summaryLines(text);
        assertThat(summary.stream().filter(l -> l.contains("Indicator") && l.contains("Numerator")).findFirst())
                .as("the summary header, every heading on one line and whole").get(org.assertj.core.api.Assertions.STRING)
                .contains("Denominator").contains("Value").contains("Coverage");
        for (String count : List.of("Naloxone kits distributed", "Currently active clients", "PrEP initiations",
                "Women reached")) {
            String line = summary.stream().filter(l -> l.contains(count)).findFirst().orElseThrow();
            assertThat(line).as("a count prints as a whole number").doesNotContainPattern("\\d\\.\\d");
        }
        IndicatorTable personYears = indicators.tables(world.user(Role.COORDINATOR),
                        indicators.scope(world.user(Role.COORDINATOR), null, null, null), Period.parse("2026Q1"),
                        Disaggregation.NONE, false).stream()
                .filter(t -> t.definition().code().equals("OAT_PERSON_YEARS")).findFirst().orElseThrow();
        IndicatorRow total = personYears.total();
        String line = summary.stream().filter(l -> l.contains("Person-years on opioid agonist therapy")).findFirst()
                .orElseThrow();
        List<String> numbers = new ArrayList<>(List.of(line.replaceAll("[^\\d.,<*–\\s]", " ").trim().split("\\s+")));
        assertThat(total.value()).as("person-years of eight people are shown").isNotNull();
        String years = String.format(Locale.ENGLISH, "%.1f", total.value());
        // Numerator and value are the same person-years; the denominator is the people they belong to.
        assertThat(numbers).as("person-years, people, person-years in " + line)
                .containsExactly(years, total.denominator(), years);
        assertThat(total.numerator()).as("the days behind them").isNotEqualTo(years);
    }

    private Path report(String language) throws Exception {
        byte[] body = mvc.perform(get("/indicators/report.pdf").param("period", "2026Q1")
                        .header("Accept-Language", language).locale(Locale.forLanguageTag(language))
                        .with(user(world.user(Role.COORDINATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Path pdf = dir.resolve("report-" + language + ".pdf");
        Files.write(pdf, body);
        return pdf;
    }

    /** Page 1 at 50 dots per inch, as pdftoppm renders it. */
    private BufferedImage firstPage(Path pdf) throws Exception {
        Path prefix = dir.resolve(pdf.getFileName().toString().replace(".pdf", ""));
        run("pdftoppm", "-r", String.valueOf(DPI), "-png", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                prefix.toString());
        File png = new File(prefix + ".png");
        assertThat(png).as("pdftoppm wrote page 1").exists();
        BufferedImage image = ImageIO.read(png);
        assertThat(image).as("ImageIO reads the PNG").isNotNull();
        return image;
    }

    private static void assertIsAPage(BufferedImage page) {
        // A4 is 8.27 x 11.69 inches: 413 x 585 pixels at 50 dpi.
        assertThat(page.getWidth()).isBetween(410, 416);
        assertThat((double) page.getHeight() / page.getWidth()).isCloseTo(A4_RATIO, org.assertj.core.data.Offset.offset(0.01));
        double dark = darkShare(page, 0, 0, page.getWidth(), page.getHeight());
        assertThat(dark).as("share of dark pixels on page 1: text and table lines, neither blank nor black")
                .isBetween(0.005, 0.25);
        // The cover: title, scope and period in the top eighth, inside the margins (36 pt = 25 pixels).
        double cover = darkShare(page, 25, 25, page.getWidth() - 50, page.getHeight() / 8 - 25);
        assertThat(cover).as("ink on the cover region").isGreaterThan(0.02);
        double margin = darkShare(page, 0, 0, page.getWidth(), 15);
        assertThat(margin).as("the top margin stays empty").isLessThan(0.001);
    }

    private static double darkShare(BufferedImage image, int x0, int y0, int width, int height) {
        long dark = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
                dark += luminance < 128 ? 1 : 0;
            }
        }
        return (double) dark / ((long) width * height);
    }

    /** Pixels in the report's low, medium or high band colours. */
    private static long bandColouredPixels(BufferedImage image) {
        int[][] bands = {{248, 215, 215}, {252, 236, 200}, {213, 236, 216}};
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                for (int[] band : bands) {
                    if (Math.abs(((rgb >> 16) & 0xff) - band[0]) <= 2 && Math.abs(((rgb >> 8) & 0xff) - band[1]) <= 2
                            && Math.abs((rgb & 0xff) - band[2]) <= 2) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** The text in reading layout, in compatibility form, without the bidirectional marks pdftotext puts around right-to-left runs. */
    private String text(Path pdf) throws Exception {
        Path out = dir.resolve(pdf.getFileName().toString().replace(".pdf", ".txt"));
        run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), out.toString());
        // Compatibility form: the shaped Arabic letters (presentation forms) a PDF holds become the letters they are.
        return Normalizer.normalize(Files.readString(out, StandardCharsets.UTF_8), Normalizer.Form.NFKC).replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "");
    }

    /**
     * The summary table: after the cover's period line, before the header of the monthly trend table (whose
     * first column heading is followed by the months 2026-01, 2026-02, 2026-03, or the other way round in a
     * right-to-left language). Language-independent.
     */
    private static List<String> summaryLines(String text) {
        List<String> lines = List.of(text.split("\\R"));
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).contains("2026Q1")) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).matches(".*\\b2026-0[13]\\s+2026-02\\s+2026-0[13]\\b.*")) {
                to = i;
                break;
            }
        }
        assertThat(from).as("the period line").isPositive();
        assertThat(to).as("the trend table's month header").isGreaterThan(from);
        return new ArrayList<>(lines.subList(from, to));
    }

    /** No whole number from 1 to 4 anywhere in these lines: counts that small leave only as "<5". */
    private static void assertNoSmallCount(List<String> lines) {
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            Matcher m = WHOLE_NUMBER.matcher(line);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                if (n >= 1 && n <= 4) {
                    leaks.add(line.strip());
                }
            }
        }
        assertThat(leaks).as("summary lines showing a count of 1 to 4").isEmpty();
    }

    private static void run(String tool, String... arguments) throws IOException, InterruptedException {
        String path = installed(tool);
        List<String> command = new ArrayList<>();
        command.add(path);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(tool + " did not finish within 60 s");
        }
        assertThat(process.exitValue()).as(tool + " failed: " + new String(output, StandardCharsets.UTF_8)).isZero();
    }

    /** The tool's path; a missing tool fails the test with what to install (CI installs it in .ci/run). */
    private static String installed(String tool) {
        String searchPath = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : searchPath.split(File.pathSeparator)) {
            File candidate = new File(directory, tool);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return fail(tool + " is not installed, so the donor report cannot be checked as an image. Install poppler-utils "
                + "(apt-get install poppler-utils); CI installs it in .ci/run.");
    }
}
