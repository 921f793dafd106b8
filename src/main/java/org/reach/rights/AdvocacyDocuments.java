package org.reach.rights;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reach.platform.PdfFonts;
import org.reach.platform.PdfReport;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The advocacy report as PDF and XLSX, in the reader's language. Counts are written as numbers, marks ("&lt;5", "*")
 * as text; every text cell is a label of Reach's own (codes, months, city names of the organisations' sites), never
 * anything a recorder typed.
 */
@Component
public class AdvocacyDocuments {

    private static final Color HEADER = new Color(235, 240, 245);

    private final ViolenceAdvocacy advocacy;
    private final MessageSource messages;
    private final PdfFonts fonts;

    AdvocacyDocuments(ViolenceAdvocacy advocacy, MessageSource messages, PdfFonts fonts) {
        this.advocacy = advocacy;
        this.messages = messages;
        this.fonts = fonts;
    }

    public byte[] pdf(ReachUser actor, AdvocacyReport report, Locale locale) {
        String title = t(locale, "rights.advocacy.title");
        PdfReport pdf = PdfReport.open(fonts, locale, PageSize.A4, 36, title);
        Font big = pdf.font(18, Font.BOLD);
        Font heading = pdf.font(12, Font.BOLD);
        Font body = pdf.font(9, Font.NORMAL);
        Font bold = pdf.font(9, Font.BOLD);
        pdf.line(title, big, 0);
        pdf.line(report.scope(), heading, 2);
        pdf.line(t(locale, "rights.advocacy.period") + ": " + report.period(), body, 2);
        pdf.line(t(locale, "rights.advocacy.total") + ": " + count(locale, report.total()), heading, 8);
        pdf.line(t(locale, "rights.advocacy.respondedInTime") + ": " + count(locale, report.respondedInTime())
                + share(locale, report.respondedShare()), body, 2);
        table(pdf, locale, heading, body, bold, "rights.advocacy.byType", "rights.advocacy.type", report.byType(),
                code -> t(locale, "rights.type." + code));
        table(pdf, locale, heading, body, bold, "rights.advocacy.byPerpetrator", "rights.advocacy.perpetrator",
                report.byPerpetrator(), code -> t(locale, "rights.perpetrator." + code));
        table(pdf, locale, heading, body, bold, "rights.advocacy.byMonth", "rights.advocacy.month", report.byMonth(),
                Function.identity());
        table(pdf, locale, heading, body, bold, "rights.advocacy.byCity", "rights.advocacy.city", report.byCity(),
                city -> city(locale, city));
        pdf.line(t(locale, "rights.advocacy.multiValued"), body, 12);
        pdf.line(t(locale, "rights.advocacy.suppression"), body, 4);
        byte[] bytes = pdf.finish();
        advocacy.exported(actor, report.period(), "pdf");
        return bytes;
    }

    public byte[] xlsx(ReachUser actor, AdvocacyReport report, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle boldStyle = workbook.createCellStyle();
            org.apache.poi.ss.usermodel.Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            boldStyle.setFont(boldFont);
            Sheet summary = workbook.createSheet(t(locale, "rights.advocacy.sheet.summary"));
            int r = 0;
            text(summary.createRow(r++), 0, t(locale, "rights.advocacy.title"), boldStyle);
            Row scope = summary.createRow(r++);
            text(scope, 0, t(locale, "rights.advocacy.scope"), null);
            text(scope, 1, report.scope(), null);
            Row period = summary.createRow(r++);
            text(period, 0, t(locale, "rights.advocacy.period"), null);
            text(period, 1, report.period(), null);
            Row total = summary.createRow(r++);
            text(total, 0, t(locale, "rights.advocacy.total"), null);
            value(total, 1, report.total());
            Row responded = summary.createRow(r++);
            text(responded, 0, t(locale, "rights.advocacy.respondedInTime"), null);
            value(responded, 1, report.respondedInTime());
            Row share = summary.createRow(r++);
            text(share, 0, t(locale, "rights.advocacy.respondedShare"), null);
            if (report.respondedShare() != null) {
                share.createCell(1).setCellValue(Math.round(report.respondedShare() * 10) / 10.0);
            } else {
                text(share, 1, "–", null);
            }
            r++;
            text(summary.createRow(r++), 0, t(locale, "rights.advocacy.multiValued"), null);
            text(summary.createRow(r), 0, t(locale, "rights.advocacy.suppression"), null);
            sheet(workbook, locale, boldStyle, "rights.advocacy.sheet.type", "rights.advocacy.type", report.byType(),
                    code -> t(locale, "rights.type." + code));
            sheet(workbook, locale, boldStyle, "rights.advocacy.sheet.perpetrator", "rights.advocacy.perpetrator",
                    report.byPerpetrator(), code -> t(locale, "rights.perpetrator." + code));
            sheet(workbook, locale, boldStyle, "rights.advocacy.sheet.month", "rights.advocacy.month", report.byMonth(),
                    Function.identity());
            sheet(workbook, locale, boldStyle, "rights.advocacy.sheet.city", "rights.advocacy.city", report.byCity(),
                    city -> city(locale, city));
            workbook.write(out);
            advocacy.exported(actor, report.period(), "xlsx");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(PdfReport pdf, Locale locale, Font heading, Font body, Font bold, String titleKey,
                       String columnKey, List<AdvocacyCell> cells, Function<String, String> label) {
        pdf.line(t(locale, titleKey), heading, 12);
        PdfPTable table = pdf.table(new float[] {4, 1.4f}, bold, HEADER, t(locale, columnKey),
                t(locale, "rights.advocacy.incidents"));
        table.setSpacingBefore(4);
        for (AdvocacyCell cell : cells) {
            table.addCell(pdf.cell(label.apply(cell.category()), body));
            table.addCell(pdf.number(count(locale, cell.count()), body));
        }
        pdf.add(table);
    }

    private void sheet(XSSFWorkbook workbook, Locale locale, CellStyle bold, String sheetKey, String columnKey,
                       List<AdvocacyCell> cells, Function<String, String> label) {
        Sheet sheet = workbook.createSheet(t(locale, sheetKey));
        Row header = sheet.createRow(0);
        text(header, 0, t(locale, columnKey), bold);
        text(header, 1, t(locale, "rights.advocacy.incidents"), bold);
        int r = 1;
        for (AdvocacyCell cell : cells) {
            Row row = sheet.createRow(r++);
            text(row, 0, label.apply(cell.category()), null);
            value(row, 1, cell.count());
        }
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        // A text beginning like a formula is kept as text: a spreadsheet runs no formula from a report.
        cell.setCellValue(text.isEmpty() || "=+-@".indexOf(text.charAt(0)) < 0 ? text : "'" + text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void value(Row row, int column, String count) {
        if (count.chars().allMatch(Character::isDigit) && !count.isEmpty()) {
            row.createCell(column).setCellValue(Long.parseLong(count));
        } else {
            row.createCell(column).setCellValue(count);
        }
    }

    private String city(Locale locale, String city) {
        return AdvocacyCounts.UNKNOWN_CITY.equals(city) ? t(locale, "rights.advocacy.unknownCity") : city;
    }

    private static String count(Locale locale, String count) {
        if (count.chars().allMatch(Character::isDigit) && !count.isEmpty()) {
            return NumberFormat.getIntegerInstance(locale).format(Long.parseLong(count));
        }
        return count;
    }

    private String share(Locale locale, Double share) {
        if (share == null) {
            return "";
        }
        NumberFormat percent = NumberFormat.getNumberInstance(locale);
        percent.setMaximumFractionDigits(1);
        return " (" + percent.format(share) + " %)";
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
