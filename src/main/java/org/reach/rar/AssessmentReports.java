package org.reach.rar;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reach.platform.PdfFonts;
import org.reach.platform.PdfReport;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The assessment report as PDF and as XLSX tables, in the reader's language: hotspots, size estimates with
 * ranges, coverage gaps, coded findings (counts only, never quotes) and recommendations. It is meant for
 * circulation beyond the organisation, so whoever makes it: counts of people of 1 to 4 are shown as "&lt;5", the
 * people reached are suppressed across each hotspot's subgroups (with the gap and coverage that would give them
 * back), and hotspots are placed to two decimals of a degree (about 1 km).
 */
@Service
public class AssessmentReports {

    public static final int SMALL = 5;
    private static final int MAX_GAPS = 25;
    private static final Color HEADER = new Color(0xE8, 0xED, 0xF2);

    private final RapidAssessments rar;
    private final PopulationSizes sizes;
    private final AssessmentFindings findings;
    private final MessageSource messages;
    private final PdfFonts fonts;

    AssessmentReports(RapidAssessments rar, PopulationSizes sizes, AssessmentFindings findings, MessageSource messages, PdfFonts fonts) {
        this.rar = rar;
        this.sizes = sizes;
        this.findings = findings;
        this.messages = messages;
        this.fonts = fonts;
    }

    /** People counts of 1 to 4 become "<5"; a true zero is not a small count and shows as 0. */
    public static String people(Number count) {
        if (count == null) {
            return "–";
        }
        long value = Math.round(count.doubleValue());
        return value > 0 && value < SMALL ? "<" + SMALL : Long.toString(value);
    }

    /** A place to about 1 km (two decimals of a degree), for anything that leaves the organisation. */
    public static String roughly(double latitude, double longitude) {
        return String.format(Locale.ROOT, "%.2f, %.2f", latitude, longitude);
    }

    public static String range(Estimate e) {
        return e == null ? "–" : people(e.rounded()) + " (" + people(e.roundedLow()) + "–" + people(e.roundedHigh()) + ")";
    }

    /** The report's tables, each a title, headers and rows of text, shared by the PDF and the XLSX. */
    record Section(String title, List<String> headers, List<List<String>> rows) {
    }

    List<Section> sections(ReachUser actor, Assessment a, Locale locale) {
        List<Section> sections = new ArrayList<>();
        SizeEstimates estimates = sizes.estimates(actor, a.id());
        List<List<String>> hotspotRows = new ArrayList<>();
        for (HotspotEstimate e : estimates.hotspots()) {
            Hotspot h = e.hotspot();
            hotspotRows.add(List.of(h.name(), nz(h.district()), t(h.typology().messageKey(), locale),
                    t(h.useType().messageKey(), locale),
                    h.drugs().stream().map(d -> t("rar.drug." + d, locale)).collect(Collectors.joining(", ")),
                    roughly(h.latitude(), h.longitude())
                            + (h.imprecise() ? " (" + t("rar.hotspot.imprecise", locale) + ")" : ""),
                    range(e.best()), e.best() == null ? "–" : t(e.best().method().messageKey(), locale)));
        }
        sections.add(new Section(t("rar.report.hotspots", locale),
                List.of(t("rar.field.name", locale), t("rar.field.district", locale), t("rar.field.typology", locale),
                        t("rar.field.useType", locale), t("rar.field.drugs", locale), t("field.coordinates", locale),
                        t("rar.estimate.range", locale), t("rar.estimate.method", locale)),
                hotspotRows));
        List<List<String>> areaRows = new ArrayList<>();
        for (AreaEstimate area : estimates.areas()) {
            areaRows.add(List.of(nz(area.district()), Integer.toString(area.hotspots()), Integer.toString(area.estimated()),
                    people(area.point()), people(area.low()) + "–" + people(area.high())));
        }
        AreaEstimate total = estimates.total();
        areaRows.add(List.of(t("rar.estimate.total", locale), Integer.toString(total.hotspots()),
                Integer.toString(total.estimated()), people(total.point()), people(total.low()) + "–" + people(total.high())));
        sections.add(new Section(t("rar.report.estimates", locale),
                List.of(t("rar.field.district", locale), t("rar.report.hotspotCount", locale),
                        t("rar.report.estimatedCount", locale), t("rar.estimate.point", locale),
                        t("rar.estimate.range", locale)),
                areaRows));
        List<List<String>> gapRows = new ArrayList<>();
        sizes.gapsForCirculation(actor, a.id()).stream().limit(MAX_GAPS).forEach(g -> gapRows.add(List.of(g.hotspot(),
                t(g.subgroup().messageKey(), locale), people(g.estimated()),
                g.suppressed() ? g.marker() : g.source() == ReachSource.UNKNOWN ? "–" : people(g.reached()),
                t(g.source().messageKey(), locale),
                people(g.gap()),
                g.coverage() == null ? "–" : Math.round(g.coverage() * 100) + "%",
                g.distanceKm() == null ? "–" : String.format(locale, "%.1f km", g.distanceKm()) + " · " + g.nearestSite())));
        sections.add(new Section(t("rar.report.gaps", locale),
                List.of(t("rar.gap.hotspot", locale), t("rar.gap.subgroup", locale), t("rar.gap.estimated", locale),
                        t("rar.gap.reached", locale), t("rar.gap.source", locale), t("rar.gap.gap", locale),
                        t("rar.gap.coverage", locale),
                        t("rar.gap.nearest", locale)),
                gapRows));
        List<List<String>> codeRows = new ArrayList<>();
        for (CodeCount c : findings.codeCounts(actor, a.id())) {
            codeRows.add(List.of(t(c.code().messageKey(), locale), Integer.toString(c.total()),
                    c.bySubgroup().entrySet().stream().map(e -> t(e.getKey().messageKey(), locale) + " " + e.getValue())
                            .collect(Collectors.joining(", "))));
        }
        sections.add(new Section(t("rar.report.findings", locale),
                List.of(t("rar.finding.code", locale), t("rar.finding.notes", locale), t("rar.finding.bySubgroup", locale)),
                codeRows));
        List<List<String>> recommendationRows = new ArrayList<>();
        for (Recommendation r : findings.recommendations(actor, a.id())) {
            recommendationRows.add(List.of(Integer.toString(r.ordinal()), r.text(),
                    r.codes().stream().map(c -> t(c.messageKey(), locale)).collect(Collectors.joining(", ")),
                    t(r.priority().messageKey(), locale), nz(r.owner()), t(r.status().messageKey(), locale)));
        }
        sections.add(new Section(t("rar.report.recommendations", locale),
                List.of("#", t("rar.recommendation.text", locale), t("rar.recommendation.codes", locale),
                        t("rar.recommendation.priority", locale), t("rar.recommendation.owner", locale),
                        t("field.status", locale)),
                recommendationRows));
        return sections;
    }

    public byte[] pdf(ReachUser actor, long assessmentId, Locale locale) {
        Assessment a = rar.assessment(actor, assessmentId);
        List<Section> sections = sections(actor, a, locale);
        PdfReport report = PdfReport.open(fonts, locale, PageSize.A4.rotate(), 28, a.title());
        Font title = report.font(16, Font.BOLD);
        Font heading = report.font(12, Font.BOLD);
        Font body = report.font(8, Font.NORMAL);
        Font bold = report.font(8, Font.BOLD);
        report.line(t("rar.report.title", locale) + ": " + a.title(), title, 0);
        report.line(a.area() + " · " + (a.periodStart() == null ? "" : report.date(a.periodStart()) + " – ")
                + report.date(a.periodEnd()) + " · " + t(a.status().messageKey(), locale),
                report.font(10, Font.NORMAL), 0);
        if (a.researchQuestions() != null) {
            report.line(t("rar.questions", locale), heading, 8);
            for (String question : a.researchQuestions().split("\\R")) {
                if (!question.isBlank()) {
                    report.line("• " + question.strip(), body, 0);
                }
            }
        }
        report.line(t("rar.report.small", locale), report.font(8, Font.ITALIC), 6);
        for (Section section : sections) {
            report.line(section.title(), heading, 10);
            float[] weights = new float[section.headers().size()];
            java.util.Arrays.fill(weights, 1);
            PdfPTable table = report.table(weights, bold, HEADER, section.headers().toArray(String[]::new));
            table.setSpacingBefore(4);
            for (List<String> row : section.rows()) {
                for (String value : row) {
                    table.addCell(report.cell(value, body));
                }
            }
            if (section.rows().isEmpty()) {
                PdfPCell none = report.cell(t("none", locale), body);
                none.setColspan(section.headers().size());
                table.addCell(none);
            }
            report.add(table);
        }
        byte[] pdf = report.finish();
        findings.recordReport(actor, a, "pdf");
        return pdf;
    }

    public byte[] xlsx(ReachUser actor, long assessmentId, Locale locale) {
        Assessment a = rar.assessment(actor, assessmentId);
        List<Section> sections = sections(actor, a, locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Section section : sections) {
                Sheet sheet = workbook.createSheet(section.title().replaceAll("[\\\\/?*\\[\\]:]", " ")
                        .substring(0, Math.min(31, section.title().length())));
                Row header = sheet.createRow(0);
                for (int i = 0; i < section.headers().size(); i++) {
                    header.createCell(i).setCellValue(section.headers().get(i));
                }
                for (int r = 0; r < section.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<String> values = section.rows().get(r);
                    for (int i = 0; i < values.size(); i++) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            }
            workbook.write(out);
            findings.recordReport(actor, a, "xlsx");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
