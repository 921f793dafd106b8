package org.reach.indicators;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.reach.platform.PdfFonts;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The donor report as PDF: a cover, the summary table of every indicator with its coverage band, the monthly
 * trend of the banded indicators, and notes on data quality. Always small-cell suppressed.
 */
@Component
public class IndicatorReport {

    private static final Color LOW = new Color(248, 215, 215);
    private static final Color MEDIUM = new Color(252, 236, 200);
    private static final Color HIGH = new Color(213, 236, 216);

    private final Indicators indicators;
    private final MessageSource messages;
    private final PdfFonts fonts;
    private final IndicatorExportLog exportLog;

    IndicatorReport(Indicators indicators, MessageSource messages, PdfFonts fonts, IndicatorExportLog exportLog) {
        this.fonts = fonts;
        this.exportLog = exportLog;
        this.indicators = indicators;
        this.messages = messages;
    }

    public byte[] pdf(ReachUser actor, IndicatorScope scope, Period period, Locale locale) {
        List<IndicatorTable> tables = indicators.tables(actor, scope, period, Disaggregation.NONE, false);
        Font title = fonts.font(18, Font.BOLD);
        Font heading = fonts.font(12, Font.BOLD);
        Font body = fonts.font(9, Font.NORMAL);
        Font bold = fonts.font(9, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(t(locale, "indicators.report.title"), title));
        document.add(new Paragraph(scope.label(), heading));
        document.add(new Paragraph(t(locale, "indicators.period") + ": " + period.code() + " (" + period.start() + " – "
                + period.end() + ")", body));
        document.add(new Paragraph(t(locale, "indicators.report.generated") + ": " + indicators.today(), body));

        document.add(new Paragraph(" "));
        document.add(new Paragraph(t(locale, "indicators.report.summary"), heading));
        PdfPTable summary = new PdfPTable(new float[] {5, 1.4f, 1.4f, 1.4f, 1.6f});
        summary.setWidthPercentage(100);
        for (String h : List.of("indicators.indicator", "indicators.numerator", "indicators.denominator",
                "indicators.value", "indicators.report.band")) {
            PdfPCell cell = new PdfPCell(new Phrase(t(locale, h), bold));
            cell.setBackgroundColor(new Color(235, 240, 245));
            summary.addCell(cell);
        }
        int missingEstimates = 0;
        for (IndicatorTable table : tables) {
            IndicatorRow r = table.total();
            summary.addCell(new Phrase(t(locale, table.definition().nameKey()), body));
            summary.addCell(new Phrase(r.numerator(), body));
            summary.addCell(new Phrase(r.denominator() == null ? "–" : r.denominator(), body));
            summary.addCell(new Phrase(r.value() == null ? "–" : String.valueOf(r.value()), body));
            PdfPCell band = new PdfPCell(new Phrase(r.band() == Band.NONE ? "" : t(locale, r.band().messageKey()), body));
            switch (r.band()) {
                case LOW -> band.setBackgroundColor(LOW);
                case MEDIUM -> band.setBackgroundColor(MEDIUM);
                case HIGH -> band.setBackgroundColor(HIGH);
                default -> { }
            }
            summary.addCell(band);
            if (table.definition().unit() != IndicatorUnit.COUNT && table.definition().denominator() != null
                    && table.definition().denominator().contains("estimate") && r.denominator() == null) {
                missingEstimates++;
            }
        }
        document.add(summary);

        document.add(new Paragraph(" "));
        document.add(new Paragraph(t(locale, "indicators.trend"), heading));
        List<Period> months = period.months();
        PdfPTable trends = new PdfPTable(months.size() + 1);
        trends.setWidthPercentage(100);
        trends.addCell(new Phrase(t(locale, "indicators.indicator"), bold));
        months.forEach(m -> trends.addCell(new Phrase(m.code(), bold)));
        for (IndicatorTable table : tables) {
            if (!table.definition().hasBands()) {
                continue;
            }
            Trend trend = indicators.trend(actor, scope, table.definition().code(), period, false);
            trends.addCell(new Phrase(t(locale, table.definition().nameKey()), body));
            for (IndicatorRow point : trend.points()) {
                trends.addCell(new Phrase(point.value() == null ? point.numerator() : String.valueOf(point.value()), body));
            }
        }
        document.add(trends);

        document.add(new Paragraph(" "));
        document.add(new Paragraph(t(locale, "indicators.report.quality"), heading));
        document.add(new Paragraph(t(locale, "indicators.suppressionNote"), body));
        document.add(new Paragraph(t(locale, "indicators.report.anonymous"), body));
        if (missingEstimates > 0) {
            document.add(new Paragraph(t(locale, "indicators.report.missingEstimates") + " (" + missingEstimates + ")", body));
        }
        document.close();
        exportLog.exported(actor, IndicatorExportLog.REPORT, scope, period, "donor report", null, "pdf");
        return out.toByteArray();
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
