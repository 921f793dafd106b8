package org.reach.earlywarning;

import java.util.Locale;

import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import org.reach.platform.PdfFonts;
import org.reach.platform.PdfReport;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A one-page warning for peers to show clients, in the reader's language: what was found, where and when, and what
 * keeps people alive. It names no person and no count smaller than the week's total.
 */
@Service
public class WarningFlyer {

    private final EarlyWarning earlyWarning;
    private final MessageSource messages;
    private final PdfFonts fonts;

    WarningFlyer(EarlyWarning earlyWarning, MessageSource messages, PdfFonts fonts) {
        this.earlyWarning = earlyWarning;
        this.messages = messages;
        this.fonts = fonts;
    }

    public byte[] pdf(ReachUser actor, long alertId, Locale locale) {
        Alert alert = earlyWarning.alert(actor, alertId);
        String what = t(locale, earlyWarning.series(alert.series()).map(WeeklyCounts::messageKey)
                .orElse("earlywarning.series.unknown"));
        PdfReport report = PdfReport.open(fonts, locale, PageSize.A5, 32, t(locale, "earlywarning.flyer.title"));
        Font title = report.font(26, Font.BOLD);
        Font heading = report.font(15, Font.BOLD);
        Font body = report.font(13, Font.NORMAL);
        report.line(t(locale, "earlywarning.flyer.title"), title, 0);
        report.line(messages.getMessage("earlywarning.flyer.found", new Object[] {what, alert.city(),
                report.date(alert.weekStart())}, locale), heading, 10);
        report.line(t(locale, "earlywarning.flyer.adviceTitle"), heading, 14);
        for (int i = 1; i <= 5; i++) {
            report.line("• " + t(locale, "earlywarning.flyer.advice." + i), body, 6);
        }
        report.line(t(locale, "earlywarning.flyer.footer"), body, 18);
        earlyWarning.recordFlyer(actor, alert, locale);
        return report.finish();
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
