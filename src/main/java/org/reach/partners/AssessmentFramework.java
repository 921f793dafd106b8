package org.reach.partners;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.partners.store.FrameworkStore;
import org.reach.platform.Forbidden;
import org.reach.platform.Languages;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned assessment framework. Anyone signed in may read it; coordinators and administrators copy the
 * current version to a draft, edit its questions and publish it. Published versions never change, so an
 * assessment always shows the questions it was scored on.
 */
@Service
@Transactional
public class AssessmentFramework {

    private final FrameworkStore store;
    private final AuditTrail audit;
    private final Clock clock;

    AssessmentFramework(FrameworkStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Seeds the built-in framework as version 1 when there is none yet, and gives every built-in question still
     * worded as built in its translations where it has none.
     */
    public void ensureBuiltIn() {
        if (store.maxVersion() == 0) {
            seedBuiltIn();
        }
        for (Framework framework : store.all()) {
            for (Question question : framework.questions()) {
                BuiltInFramework.Q builtIn = BuiltInFramework.question(question.code());
                if (builtIn == null || !builtIn.text().equals(question.text()) || !builtIn.anchors().equals(question.anchors())) {
                    continue;
                }
                BuiltInFrameworkTranslations.of(question.code()).forEach((language, wording) -> {
                    if (!question.translations().containsKey(language)) {
                        store.saveTranslation(question.id(), language, wording);
                    }
                });
            }
        }
    }

    private void seedBuiltIn() {
        long id = store.insertFramework(1, BuiltInFramework.NAME, FrameworkStatus.PUBLISHED, now());
        int dp = 1;
        for (BuiltInFramework.D d : BuiltInFramework.DOMAINS) {
            long domainId = store.insertDomain(id, d.code(), d.name(), dp++);
            int qp = 1;
            for (BuiltInFramework.Q q : d.questions()) {
                store.insertQuestion(domainId, q.code(), q.text(), qp++, List.of(q.a1(), q.a2(), q.a3(), q.a4()));
            }
        }
        audit.recordWrite(ReachUser.system(), null, AuditAction.CREATE, "partner_framework", id, "built-in version 1");
    }

    @Transactional(readOnly = true)
    public Framework current() {
        return store.published().orElseThrow(() -> new NotFound("partner_framework", "current"));
    }

    @Transactional(readOnly = true)
    public Framework version(long id) {
        return store.byId(id).orElseThrow(() -> new NotFound("partner_framework", id));
    }

    @Transactional(readOnly = true)
    public List<Framework> versions() {
        return store.all();
    }

    public boolean mayManage(ReachUser actor) {
        return PartnerAccess.mayManageFramework(actor);
    }

    /** Copies the current version to a new draft (or returns the open draft). */
    public Framework draft(ReachUser actor) {
        requireManager(actor);
        var open = store.all().stream().filter(f -> f.status() == FrameworkStatus.DRAFT).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        Framework current = current();
        int version = store.maxVersion() + 1;
        long id = store.insertFramework(version, current.name(), FrameworkStatus.DRAFT, now());
        for (Domain d : current.domains()) {
            long domainId = store.insertDomain(id, d.code(), d.name(), d.position());
            for (Question q : d.questions()) {
                long questionId = store.insertQuestion(domainId, q.code(), q.text(), q.position(), q.anchors());
                q.translations().forEach((language, wording) -> store.saveTranslation(questionId, language, wording));
            }
        }
        audit.recordWrite(actor, null, AuditAction.CREATE, "partner_framework", id, "draft version " + version);
        return version(id);
    }

    public Framework updateQuestion(ReachUser actor, long questionId, QuestionForm form) {
        requireManager(actor);
        long frameworkId = store.frameworkOfQuestion(questionId).orElseThrow(() -> new NotFound("question", questionId));
        Framework framework = version(frameworkId);
        Problems problems = new Problems();
        problems.check(framework.status() == FrameworkStatus.DRAFT, "frameworkId", "partners.error.notDraft");
        String language = strip(form.language());
        boolean translation = language != null && !language.equals(Languages.DEFAULT);
        problems.check(language == null || Languages.isSupported(language), "language", "error.unknown");
        QuestionForm clean = new QuestionForm(strip(form.text()), strip(form.anchor1()), strip(form.anchor2()),
                strip(form.anchor3()), strip(form.anchor4()), language);
        text(problems, "text", clean.text());
        text(problems, "anchor1", clean.anchor1());
        text(problems, "anchor2", clean.anchor2());
        text(problems, "anchor3", clean.anchor3());
        text(problems, "anchor4", clean.anchor4());
        problems.throwIfAny();
        if (translation) {
            store.saveTranslation(questionId, language, new Question.Wording(clean.text(), clean.anchors()));
        } else {
            store.updateQuestion(questionId, clean);
        }
        audit.recordWrite(actor, null, AuditAction.UPDATE, "partner_question", questionId, "framework " + frameworkId
                + (translation ? " " + language : ""));
        return version(frameworkId);
    }

    public Framework publish(ReachUser actor, long frameworkId) {
        requireManager(actor);
        Framework framework = version(frameworkId);
        new Problems().check(framework.status() == FrameworkStatus.DRAFT, "frameworkId", "partners.error.notDraft")
                .throwIfAny();
        store.publish(frameworkId, now());
        audit.recordWrite(actor, null, AuditAction.UPDATE, "partner_framework", frameworkId,
                "published version " + framework.version());
        return version(frameworkId);
    }

    private static void text(Problems problems, String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.add(field, "error.required");
        } else if (value.length() > 1000) {
            problems.add(field, "error.tooLong", 1000);
        }
    }

    private void requireManager(ReachUser actor) {
        if (!mayManage(actor)) {
            throw new Forbidden("manage framework");
        }
    }

    /** Trimmed text, or null when nothing is left, so an empty form field stores nothing. */
    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
