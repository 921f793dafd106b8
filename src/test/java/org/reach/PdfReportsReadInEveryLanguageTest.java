package org.reach;

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.partners.AssessmentKind;
import org.reach.partners.PartnerAssessments;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.AssessmentStatus;
import org.reach.rar.RapidAssessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every PDF Reach writes (donor report, partner-assessment report, rapid-assessment report), in every language,
 * read back as a reader would: poppler's pdftotext gives the title's words in the order they were written (in
 * Urdu a report that lays letters out left to right comes back reversed and unjoined), and pdftoppm renders page 1
 * as an image with ink in its top lines. The pages are kept under target/pdf-reports for a person to look at.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PdfReportsReadInEveryLanguageTest {

    static final Path KEPT = Path.of("target", "pdf-reports");

    @Autowired MockMvc mvc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired PartnerAssessments partners;
    @Autowired RapidAssessments rar;
    @Autowired MessageSource messages;

    private ProgrammeFixture world;
    private long partnerAssessment;
    private long rapidAssessment;
    private Path dir;

    @BeforeEach
    void buildWorld() throws IOException {
        world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        Organisation partner = directory.createOrganisation(ReachUser.system(), new OrganisationForm(
                "Partner " + UUID.randomUUID().toString().substring(0, 8), "KE", List.of("sw"), world.homeProgramme.id()));
        partnerAssessment = partners.create(world.user(Role.COORDINATOR), new org.reach.partners.AssessmentForm(
                partner.id(), AssessmentKind.BASELINE, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11),
                "Drop-in centre", List.of(), null)).id();
        rapidAssessment = rar.createAssessment(world.user(Role.ORG_MANAGER), new org.reach.rar.AssessmentForm(
                world.home.id(), "Lyari", "Karachi", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), "peers",
                null, AssessmentStatus.FIELDWORK)).id();
        dir = Files.createDirectories(KEPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl", "ur", "sw"})
    void theDonorReportTitleReadsInOrder(String language) throws Exception {
        Path pdf = fetch("/indicators/report.pdf?period=2026Q1", language, world.user(Role.COORDINATOR), "donor");
        assertReads(pdf, title(language, "indicators.report.title"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl", "ur", "sw"})
    void thePartnerAssessmentReportTitleReadsInOrder(String language) throws Exception {
        Path pdf = fetch("/partners/assessments/" + partnerAssessment + "/report.pdf", language,
                world.user(Role.COORDINATOR), "partner");
        assertReads(pdf, title(language, "partners.report.title"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl", "ur", "sw"})
    void theRapidAssessmentReportTitleReadsInOrder(String language) throws Exception {
        Path pdf = fetch("/rar/" + rapidAssessment + "/report.pdf", language, world.user(Role.ORG_MANAGER), "rar");
        assertReads(pdf, title(language, "rar.report.title"));
    }

    private String title(String language, String key) {
        String title = messages.getMessage(key, null, Locale.forLanguageTag(language));
        if (!language.equals("en")) {
            assertThat(title).as("the title is translated").isNotEqualTo(messages.getMessage(key, null, Locale.ENGLISH));
        }
        return title;
    }

    private void assertReads(Path pdf, String title) throws Exception {
        String text = text(pdf);
        assertThat(text).as("pdftotext of %s gives the title's words in order", pdf.getFileName()).contains(title);
        BufferedImage page = firstPage(pdf);
        long inkInTitle = 0;
        for (int y = 20; y < 60; y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                inkInTitle += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300 ? 1 : 0;
            }
        }
        assertThat(inkInTitle).as("ink where the title is on page 1 of %s", pdf.getFileName()).isGreaterThan(100);
    }

    private Path fetch(String url, String language, ReachUser reader, String name) throws Exception {
        byte[] body = mvc.perform(get(url).header("Accept-Language", language).locale(Locale.forLanguageTag(language))
                        .with(user(reader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Path pdf = dir.resolve(name + "-" + language + ".pdf");
        Files.write(pdf, body);
        return pdf;
    }

    /**
     * The text as pdftotext reads it, in compatibility form (Arabic presentation forms, the shaped letters a
     * PDF holds, become the letters they stand for), without bidirectional marks and with single spaces.
     */
    private String text(Path pdf) throws Exception {
        Path out = dir.resolve(pdf.getFileName().toString().replace(".pdf", ".txt"));
        run("pdftotext", "-enc", "UTF-8", pdf.toString(), out.toString());
        String text = Normalizer.normalize(Files.readString(out, StandardCharsets.UTF_8), Normalizer.Form.NFKC);
        return text.replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "").replaceAll("[ \\t]+", " ");
    }

    private BufferedImage firstPage(Path pdf) throws Exception {
        Path prefix = dir.resolve(pdf.getFileName().toString().replace(".pdf", ""));
        run("pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), prefix.toString());
        Path png = Path.of(prefix + ".png");
        assertThat(png).as("pdftoppm wrote page 1").exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        return image;
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

    private static String installed(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File candidate = new File(directory, tool);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return fail(tool + " is not installed, so the reports cannot be read back. Install poppler-utils "
                + "(apt-get install poppler-utils); CI installs it in .ci/run.");
    }
}
