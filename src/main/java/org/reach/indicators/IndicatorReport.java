package org.reach.indicators;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.reach.platform.PdfFonts;
import org.reach.platform.PdfReport;
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
    private static final Color HEADER = new Color(235, 240, 245);

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
        PdfReport report = PdfReport.open(fonts, locale, PageSize.A4, 36, t(locale, "indicators.report.title"));
        Font title = report.font(18, Font.BOLD);
        Font heading = report.font(12, Font.BOLD);
        Font body = report.font(9, Font.NORMAL);
        Font bold = report.font(9, Font.BOLD);
        Numbers numbers = new Numbers(locale);
        report.line(t(locale, "indicators.report.title"), title, 0);
        report.line(scope.label(), heading, 2);
        report.line(t(locale, "indicators.period") + ": " + period.code() + " (" + report.date(period.start())
                + " – " + report.date(period.end()) + ")", body, 2);
        report.line(t(locale, "indicators.report.generated") + ": " + report.date(indicators.today()), body, 0);

        report.line(t(locale, "indicators.report.summary"), heading, 14);
        PdfPTable summary = report.table(new float[] {5, 1.4f, 1.4f, 1.4f, 1.6f}, bold, HEADER,
                t(locale, "indicators.indicator"), t(locale, "indicators.numerator"), t(locale, "indicators.denominator"),
                t(locale, "indicators.value"), t(locale, "indicators.report.band"));
        summary.setSpacingBefore(4);
        int missingEstimates = 0;
        for (IndicatorTable table : tables) {
            IndicatorRow r = table.total();
            IndicatorUnit unit = table.definition().unit();
            summary.addCell(report.cell(name(locale, table.definition()), body));
            // Person-years are counted in days of the people below them: shown as the years they add up to.
            summary.addCell(report.number(unit == IndicatorUnit.PERSON_YEARS && r.value() != null
                    ? numbers.value(unit, r.value()) : numbers.count(r.numerator()), body));
            summary.addCell(report.number(r.denominator() == null ? "–" : numbers.count(r.denominator()), body));
            summary.addCell(report.number(r.value() == null ? "–" : numbers.value(unit, r.value()), body));
            PdfPCell band = report.cell(r.band() == Band.NONE ? "" : t(locale, r.band().messageKey()), body);
            switch (r.band()) {
                case LOW -> band.setBackgroundColor(LOW);
                case MEDIUM -> band.setBackgroundColor(MEDIUM);
                case HIGH -> band.setBackgroundColor(HIGH);
                default -> { }
            }
            summary.addCell(band);
            if (unit != IndicatorUnit.COUNT && table.definition().denominator() != null
                    && table.definition().denominator().contains("estimate") && r.denominator() == null) {
                missingEstimates++;
            }
        }
        report.add(summary);

        report.line(t(locale, "indicators.trend"), heading, 14);
        List<Period> months = period.months();
        float[] weights = new float[months.size() + 1];
        String[] headers = new String[months.size() + 1];
        weights[0] = 4;
        headers[0] = t(locale, "indicators.indicator");
        for (int i = 0; i < months.size(); i++) {
            weights[i + 1] = 1.4f;
            headers[i + 1] = months.get(i).code();
        }
        PdfPTable trends = report.table(weights, bold, HEADER, headers);
        trends.setSpacingBefore(4);
        for (IndicatorTable table : tables) {
            if (!table.definition().hasBands()) {
                continue;
            }
            IndicatorUnit unit = table.definition().unit();
            Trend trend = indicators.trend(actor, scope, table.definition().code(), period, false);
            trends.addCell(report.cell(name(locale, table.definition()), body));
            for (IndicatorRow point : trend.points()) {
                trends.addCell(report.number(point.value() == null ? numbers.count(point.numerator())
                        : numbers.value(unit, point.value()), body));
            }
        }
        report.add(trends);

        report.line(t(locale, "indicators.report.quality"), heading, 14);
        report.line(t(locale, "indicators.suppressionNote"), body, 2);
        report.line(t(locale, "indicators.report.anonymous"), body, 2);
        if (missingEstimates > 0) {
            report.line(t(locale, "indicators.report.missingEstimates") + " (" + missingEstimates + ")", body, 2);
        }
        byte[] pdf = report.finish();
        exportLog.exported(actor, IndicatorExportLog.REPORT, scope, period, "donor report", null, "pdf");
        return pdf;
    }

    /**
     * Numbers as a reader of this language writes them: counts whole with the language's grouping, rates and
     * person-years with one decimal. Suppression marks ("&lt;5", "*") pass through as they are.
     */
    static final class Numbers {

        private final NumberFormat whole;
        private final NumberFormat decimal;

        Numbers(Locale locale) {
            this.whole = NumberFormat.getIntegerInstance(locale);
            this.decimal = NumberFormat.getNumberInstance(locale);
            decimal.setMinimumFractionDigits(1);
            decimal.setMaximumFractionDigits(1);
        }

        String count(String text) {
            if (text == null) {
                return "–";
            }
            try {
                return whole.format(Long.parseLong(text));
            } catch (NumberFormatException suppressed) {
                return text;
            }
        }

        String value(IndicatorUnit unit, double value) {
            return unit == IndicatorUnit.COUNT ? whole.format(Math.round(value)) : decimal.format(value);
        }
    }

    private String name(Locale locale, IndicatorDefinition definition) {
        return messages.getMessage(definition.nameKey(), null, definition.numerator(), locale);
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
