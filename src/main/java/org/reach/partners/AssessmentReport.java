package org.reach.partners;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.platform.PdfFonts;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment report as PDF: domain scores, every question's consensus and evidence, strengths and
 * weaknesses, twinning suggestions (for coordinators) and the partner's action plan. Labels come from the
 * message bundles; framework content is printed as stored.
 */
@Service
@Transactional
public class AssessmentReport {

    private final PartnerAssessments assessments;
    private final Twinnings twinnings;
    private final ActionPlans actions;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final PdfFonts fonts;

    AssessmentReport(PartnerAssessments assessments, Twinnings twinnings, ActionPlans actions, AuditTrail audit,
                     MessageSource messages, PdfFonts fonts) {
        this.fonts = fonts;
        this.assessments = assessments;
        this.twinnings = twinnings;
        this.actions = actions;
        this.audit = audit;
        this.messages = messages;
    }

    public byte[] pdf(ReachUser actor, long assessmentId, Locale locale) {
        AssessmentResult result = assessments.result(actor, assessmentId);
        Assessment a = result.assessment();
        boolean coordinator = assessments.mayCoordinate(actor, a);
        List<TwinningSuggestion> suggestions = coordinator ? twinnings.suggestionsFor(actor, assessmentId) : List.of();
        List<PartnerAction> plan = actions.actions(actor, a.organisationId());
        audit.recordWrite(actor, a.organisationId(), AuditAction.EXPORT, "partner_assessment", assessmentId, "pdf report");

        Font title = fonts.font(16, Font.BOLD);
        Font heading = fonts.font(12, Font.BOLD);
        Font body = fonts.font(9, Font.NORMAL);
        Font bold = fonts.font(9, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(t(locale, "partners.report.title") + ": " + a.organisationName(), title));
        document.add(new Paragraph(t(locale, a.kind().messageKey()) + " · " + a.visitStart() + " – " + a.visitEnd()
                + " · " + t(locale, a.status().messageKey()) + " · " + t(locale, "partners.framework.version") + " "
                + result.framework().version(), body));
        if (a.sitesVisited() != null) {
            document.add(new Paragraph(t(locale, "partners.field.sitesVisited") + ": " + a.sitesVisited(), body));
        }
        document.add(new Paragraph(t(locale, "partners.team") + ": " + String.join(", ", result.team().stream()
                .map(m -> m.organisation() == null ? m.name() : m.name() + " (" + m.organisation() + ")").toList()), body));

        section(document, t(locale, "partners.domainScores"), heading);
        PdfPTable domains = table(new float[] {4, 1});
        header(domains, bold, t(locale, "partners.domain"), t(locale, "partners.score"));
        for (DomainScore d : result.domainScores()) {
            cell(domains, body, d.name());
            cell(domains, body, d.formatted() + " / 4");
        }
        document.add(domains);

        List<DomainScore> scored = result.domainScores().stream().filter(d -> d.score() != null)
                .sorted(Comparator.comparing(DomainScore::score)).toList();
        section(document, t(locale, "partners.strengths"), heading);
        scored.stream().filter(d -> d.score() >= 3).sorted(Comparator.comparing(DomainScore::score).reversed())
                .forEach(d -> document.add(new Paragraph("+ " + d.name() + " (" + d.formatted() + ")", body)));
        section(document, t(locale, "partners.weaknesses"), heading);
        scored.stream().filter(d -> d.score() <= 2)
                .forEach(d -> document.add(new Paragraph("- " + d.name() + " (" + d.formatted() + ")", body)));

        section(document, t(locale, "partners.questions"), heading);
        PdfPTable questions = table(new float[] {4, 2, 1, 4});
        header(questions, bold, t(locale, "partners.question"), t(locale, "partners.assessorScores"),
                t(locale, "partners.consensus"), t(locale, "partners.evidence"));
        for (Domain domain : result.framework().domains()) {
            PdfPCell domainCell = new PdfPCell(new Phrase(assessments.domainName(domain), bold));
            domainCell.setColspan(4);
            domainCell.setBackgroundColor(new Color(235, 240, 245));
            questions.addCell(domainCell);
            for (QuestionResult q : result.questionsByDomain().get(domain.code())) {
                cell(questions, body, q.question().text());
                cell(questions, body, String.join(", ", q.scores().stream().map(s -> s.assessorName() + ": " + s.score()).toList()));
                cell(questions, body, q.consensus() == null ? "–" : q.consensus() + (q.wideSpread() ? " !" : ""));
                cell(questions, body, Objects.toString(q.evidence(), ""));
            }
        }
        document.add(questions);

        if (coordinator) {
            section(document, t(locale, "partners.twinning.suggestions"), heading);
            if (suggestions.isEmpty()) {
                document.add(new Paragraph(t(locale, "partners.twinning.none"), body));
            }
            for (TwinningSuggestion s : suggestions) {
                document.add(new Paragraph(s.organisationName() + " (" + s.countryCode() + ")", bold));
                for (TwinningReason r : s.reasons()) {
                    document.add(new Paragraph("· " + r.text(), body));
                }
            }
        }

        section(document, t(locale, "partners.actionPlan"), heading);
        PdfPTable plans = table(new float[] {4, 2, 2, 2, 2});
        header(plans, bold, t(locale, "partners.field.title"), t(locale, "partners.domain"), t(locale, "partners.field.owner"),
                t(locale, "partners.field.dueDate"), t(locale, "partners.field.status"));
        for (PartnerAction action : plan) {
            cell(plans, body, action.title());
            cell(plans, body, assessments.domainName(action.domainCode(), action.domainCode()));
            cell(plans, body, action.owner() + (action.supportingOrganisationName() == null ? "" : " + " + action.supportingOrganisationName()));
            cell(plans, body, action.dueDate() + (action.overdue() ? " (" + t(locale, "partners.overdue") + ")" : ""));
            cell(plans, body, t(locale, action.status().messageKey()));
        }
        document.add(plans);
        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(12);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        return table;
    }

    private static void header(PdfPTable table, Font font, String... labels) {
        for (String label : labels) {
            PdfPCell cell = new PdfPCell(new Phrase(label, font));
            cell.setBackgroundColor(new Color(220, 220, 220));
            table.addCell(cell);
        }
    }

    private static void cell(PdfPTable table, Font font, String text) {
        table.addCell(new PdfPCell(new Phrase(text, font)));
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
