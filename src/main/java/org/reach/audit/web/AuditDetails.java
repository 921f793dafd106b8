package org.reach.audit.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An audit entry's detail in the reader's language. The log keeps what was written, in English words and code
 * values ("codes of 6 clients", "status IN_PROGRESS"); the page reads the known forms back as a message and its
 * parameters, with the code values translated by the labels their capability uses for them. A detail of another
 * form is shown as written.
 */
@Component
public class AuditDetails {

    private record Form(Pattern pattern, String key, boolean counted) {
    }

    private static final List<Form> FORMS = List.of(
            form("codes of (\\d+) clients", "audit.detail.clientCodes", true),
            form("contact of (\\d+) clients", "audit.detail.clientContacts", true),
            form("list of (\\d+)", "audit.detail.listOf", true),
            form("list page (\\d+) of (\\d+)", "audit.detail.listPage", false),
            form("find by code", "audit.detail.findByCode", false),
            form("profile", "audit.detail.profile", false),
            form("timeline", "audit.detail.timeline", false),
            form("contact", "audit.detail.contact", false),
            form("import", "audit.detail.import", false),
            form("opened by exact code", "audit.detail.openedByExactCode", false),
            form("opened by confirmed near match", "audit.detail.openedByNearMatch", false),
            form("near matches (.+)", "audit.detail.nearMatches", false),
            form("reach by hotspot (\\S+) to (\\S+)", "audit.detail.reachByHotspot", false),
            form("status ([A-Z_]+)", "audit.detail.status", false),
            form("stage ([A-Z_]+)", "audit.detail.stage", false),
            form("pdf report", "audit.detail.pdfReport", false),
            form("finalised", "audit.detail.finalised", false),
            form("accepted", "audit.detail.accepted", false),
            form("built-in version (\\d+)", "audit.detail.builtInVersion", false),
            form("draft version (\\d+)", "audit.detail.draftVersion", false),
            form("published version (\\d+)", "audit.detail.publishedVersion", false),
            form("framework (\\d+)", "audit.detail.framework", false),
            form("framework (\\d+) ([a-z]{2})", "audit.detail.frameworkTranslation", false),
            form("hotspot (\\d+)", "audit.detail.hotspot", false),
            form("scores entered: (\\d+)", "audit.detail.scoresEntered", true),
            form("consensus settled: (\\d+)", "audit.detail.consensusSettled", true),
            form("participants (\\d+)", "audit.detail.participants", true),
            form("([A-Z_]+) framework v(\\d+)", "audit.detail.assessmentOn", false));

    /** Where each kind of record keeps the labels of the code values its details carry. */
    private static final Map<String, List<String>> LABELS = Map.ofEntries(
            Map.entry("client", List.of("clientStatus.", "careStage.")),
            Map.entry("duplicate_decision", List.of("duplicateDecision.")),
            Map.entry("referral", List.of("providerType.", "referralStatus.")),
            Map.entry("partner_action", List.of("partners.actionStatus.", "partners.source.")),
            Map.entry("partner_assessment", List.of("partners.kind.", "partners.status.")),
            Map.entry("rar_assessment", List.of("rar.status.")),
            Map.entry("rar_recommendation", List.of("rar.recommendation.")),
            Map.entry("indicator_denominator", List.of("indicators.population.")));

    private static final Pattern CODE_VALUE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final MessageSource messages;

    AuditDetails(MessageSource messages) {
        this.messages = messages;
    }

    private static Form form(String regex, String key, boolean counted) {
        return new Form(Pattern.compile(regex), key, counted);
    }

    public String render(String entityType, String detail, Locale locale) {
        if (detail == null || detail.isBlank()) {
            return detail;
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(detail);
            if (m.matches()) {
                Object[] arguments = new Object[m.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    String value = m.group(i + 1);
                    arguments[i] = form.counted() ? (Object) Long.valueOf(value) : label(entityType, value, locale);
                }
                return messages.getMessage(form.key(), arguments, detail, locale);
            }
        }
        if (CODE_VALUE.matcher(detail).matches()) {
            return label(entityType, detail, locale);
        }
        return detail;
    }

    /** A code value (IN_PROGRESS) as its capability labels it, or the value as it is. */
    private String label(String entityType, String value, Locale locale) {
        if (!CODE_VALUE.matcher(value).matches()) {
            return value;
        }
        for (String prefix : LABELS.getOrDefault(entityType, List.of())) {
            String label = messages.getMessage(prefix + value, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return value;
    }
}
