package org.reach.partners;

import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.platform.PdfFonts;
import org.reach.platform.PdfReport;
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

    private static final Color HEADER = new Color(220, 220, 220);
    private static final Color DOMAIN = new Color(235, 240, 245);
    private static final float SECTION = 12;

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

        PdfReport report = PdfReport.open(fonts, locale, PageSize.A4, 36, t(locale, "partners.report.title"));
        Font title = report.font(16, Font.BOLD);
        Font heading = report.font(12, Font.BOLD);
        Font body = report.font(9, Font.NORMAL);
        Font bold = report.font(9, Font.BOLD);
        report.line(t(locale, "partners.report.title") + ": " + a.organisationName(), title, 0);
        report.line(t(locale, a.kind().messageKey()) + " · " + report.date(a.visitStart()) + " – " + report.date(a.visitEnd())
                + " · " + t(locale, a.status().messageKey()) + " · " + t(locale, "partners.framework.version") + " "
                + result.framework().version(), body, 2);
        if (a.sitesVisited() != null) {
            report.line(t(locale, "partners.field.sitesVisited") + ": " + a.sitesVisited(), body, 0);
        }
        report.line(t(locale, "partners.team") + ": " + String.join(", ", result.team().stream()
                .map(m -> m.organisation() == null ? m.name() : m.name() + " (" + m.organisation() + ")").toList()), body, 0);

        report.line(t(locale, "partners.domainScores"), heading, SECTION);
        PdfPTable domains = report.table(new float[] {4, 1}, bold, HEADER, t(locale, "partners.domain"),
                t(locale, "partners.score"));
        for (DomainScore d : result.domainScores()) {
            domains.addCell(report.cell(d.name(), body));
            domains.addCell(report.number(d.formatted() + " / 4", body));
        }
        report.add(domains);

        List<DomainScore> scored = result.domainScores().stream().filter(d -> d.score() != null)
                .sorted(Comparator.comparing(DomainScore::score)).toList();
        report.line(t(locale, "partners.strengths"), heading, SECTION);
        scored.stream().filter(d -> d.score() >= 3).sorted(Comparator.comparing(DomainScore::score).reversed())
                .forEach(d -> report.line("+ " + d.name() + " (" + d.formatted() + ")", body, 0));
        report.line(t(locale, "partners.weaknesses"), heading, SECTION);
        scored.stream().filter(d -> d.score() <= 2)
                .forEach(d -> report.line("- " + d.name() + " (" + d.formatted() + ")", body, 0));

        report.line(t(locale, "partners.questions"), heading, SECTION);
        PdfPTable questions = report.table(new float[] {4, 2, 1, 4}, bold, HEADER, t(locale, "partners.question"),
                t(locale, "partners.assessorScores"), t(locale, "partners.consensus"), t(locale, "partners.evidence"));
        for (Domain domain : result.framework().domains()) {
            PdfPCell domainCell = report.header(assessments.domainName(domain), bold, DOMAIN);
            domainCell.setColspan(4);
            questions.addCell(domainCell);
            for (QuestionResult q : result.questionsByDomain().get(domain.code())) {
                questions.addCell(report.cell(q.question().text(locale), body));
                questions.addCell(report.cell(String.join(", ", q.scores().stream()
                        .map(s -> s.assessorName() + ": " + s.score()).toList()), body));
                questions.addCell(report.number(q.consensus() == null ? "–" : q.consensus() + (q.wideSpread() ? " !" : ""), body));
                questions.addCell(report.cell(Objects.toString(q.evidence(), ""), body));
            }
        }
        report.add(questions);

        if (coordinator) {
            report.line(t(locale, "partners.twinning.suggestions"), heading, SECTION);
            if (suggestions.isEmpty()) {
                report.line(t(locale, "partners.twinning.none"), body, 0);
            }
            for (TwinningSuggestion s : suggestions) {
                report.line(s.organisationName() + " (" + s.countryCode() + ")", bold, 2);
                for (TwinningReason r : s.reasons()) {
                    report.line("· " + r.text(), body, 0);
                }
            }
        }

        report.line(t(locale, "partners.actionPlan"), heading, SECTION);
        PdfPTable plans = report.table(new float[] {4, 2, 2, 2, 2}, bold, HEADER, t(locale, "partners.field.title"),
                t(locale, "partners.domain"), t(locale, "partners.field.owner"), t(locale, "partners.field.dueDate"),
                t(locale, "partners.field.status"));
        for (PartnerAction action : plan) {
            plans.addCell(report.cell(action.title(), body));
            plans.addCell(report.cell(assessments.domainName(action.domainCode(), action.domainCode()), body));
            plans.addCell(report.cell(action.owner() + (action.supportingOrganisationName() == null ? ""
                    : " + " + action.supportingOrganisationName()), body));
            plans.addCell(report.cell(report.date(action.dueDate()) + (action.overdue() ? " (" + t(locale, "partners.overdue") + ")" : ""), body));
            plans.addCell(report.cell(t(locale, action.status().messageKey()), body));
        }
        report.add(plans);
        return report.finish();
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
