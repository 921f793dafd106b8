package org.reach.partners.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.partners.Domain;
import org.reach.partners.Framework;
import org.reach.partners.FrameworkStatus;
import org.reach.partners.Question;
import org.reach.partners.QuestionForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class FrameworkStore {

    private final JdbcClient jdbc;

    FrameworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, int version, String name, FrameworkStatus status) {
    }

    public List<Framework> all() {
        return jdbc.sql("SELECT id, version, name, status FROM partner_frameworks ORDER BY version DESC")
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getInt("version"), rs.getString("name"),
                        FrameworkStatus.valueOf(rs.getString("status"))))
                .list().stream().map(this::load).toList();
    }

    public Optional<Framework> byId(long id) {
        return jdbc.sql("SELECT id, version, name, status FROM partner_frameworks WHERE id = ?").param(id)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getInt("version"), rs.getString("name"),
                        FrameworkStatus.valueOf(rs.getString("status"))))
                .optional().map(this::load);
    }

    public Optional<Framework> published() {
        return jdbc.sql("SELECT id FROM partner_frameworks WHERE status = 'PUBLISHED' ORDER BY version DESC")
                .query(Long.class).list().stream().findFirst().flatMap(this::byId);
    }

    public int maxVersion() {
        Integer max = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM partner_frameworks").query(Integer.class).single();
        return max == null ? 0 : max;
    }

    public Optional<Long> frameworkOfQuestion(long questionId) {
        return jdbc.sql("""
                        SELECT d.framework_id FROM partner_framework_questions q
                        JOIN partner_framework_domains d ON d.id = q.domain_id WHERE q.id = ?""")
                .param(questionId).query(Long.class).optional();
    }

    public long insertFramework(int version, String name, FrameworkStatus status, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner_frameworks (version, name, status, created_at, published_at) VALUES (?, ?, ?, ?, ?)")
                .params(version, name, status.name(), Timestamp.from(now),
                        status == FrameworkStatus.PUBLISHED ? Timestamp.from(now) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertDomain(long frameworkId, String code, String name, int position) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner_framework_domains (framework_id, code, name, position) VALUES (?, ?, ?, ?)")
                .params(frameworkId, code, name, position).update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertQuestion(long domainId, String code, String text, int position, List<String> anchors) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO partner_framework_questions (domain_id, code, text, position, anchor_1, anchor_2, anchor_3, anchor_4)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(domainId, code, text, position, anchors.get(0), anchors.get(1), anchors.get(2), anchors.get(3))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateQuestion(long questionId, QuestionForm form) {
        jdbc.sql("UPDATE partner_framework_questions SET text = ?, anchor_1 = ?, anchor_2 = ?, anchor_3 = ?, anchor_4 = ? WHERE id = ?")
                .params(form.text(), form.anchor1(), form.anchor2(), form.anchor3(), form.anchor4(), questionId).update();
    }

    /** The question's wording in other languages than English, by language. */
    public Map<String, Question.Wording> translations(long questionId) {
        Map<String, Question.Wording> translations = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT language, text, anchor_1, anchor_2, anchor_3, anchor_4 FROM partner_question_translations
                        WHERE question_id = ? ORDER BY language""")
                .param(questionId)
                .query((rs, n) -> translations.put(rs.getString("language"), new Question.Wording(rs.getString("text"),
                        List.of(rs.getString("anchor_1"), rs.getString("anchor_2"), rs.getString("anchor_3"),
                                rs.getString("anchor_4")))))
                .list();
        return translations;
    }

    /** Stores (or replaces) the question's wording in one language. */
    public void saveTranslation(long questionId, String language, Question.Wording wording) {
        jdbc.sql("DELETE FROM partner_question_translations WHERE question_id = ? AND language = ?")
                .params(questionId, language).update();
        List<String> a = wording.anchors();
        jdbc.sql("""
                        INSERT INTO partner_question_translations (question_id, language, text, anchor_1, anchor_2, anchor_3, anchor_4)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(questionId, language, wording.text(), a.get(0), a.get(1), a.get(2), a.get(3)).update();
    }

    /** Publishes a draft; the version that was current is retired. */
    public void publish(long frameworkId, Instant now) {
        jdbc.sql("UPDATE partner_frameworks SET status = 'RETIRED' WHERE status = 'PUBLISHED'").update();
        jdbc.sql("UPDATE partner_frameworks SET status = 'PUBLISHED', published_at = ? WHERE id = ?")
                .params(Timestamp.from(now), frameworkId).update();
    }

    private Framework load(Head head) {
        List<Domain> domains = new ArrayList<>();
        record D(long id, String code, String name, int position) {
        }
        List<D> rows = jdbc.sql("SELECT id, code, name, position FROM partner_framework_domains WHERE framework_id = ? ORDER BY position, id")
                .param(head.id()).query((rs, n) -> new D(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("position"))).list();
        for (D d : rows) {
            List<Question> questions = jdbc.sql("""
                            SELECT id, domain_id, code, text, position, anchor_1, anchor_2, anchor_3, anchor_4
                            FROM partner_framework_questions WHERE domain_id = ? ORDER BY position, id""")
                    .param(d.id())
                    .query((rs, n) -> new Question(rs.getLong("id"), rs.getLong("domain_id"), rs.getString("code"),
                            rs.getString("text"), rs.getInt("position"), List.of(rs.getString("anchor_1"),
                            rs.getString("anchor_2"), rs.getString("anchor_3"), rs.getString("anchor_4")),
                            translations(rs.getLong("id"))))
                    .list();
            domains.add(new Domain(d.id(), d.code(), d.name(), d.position(), questions));
        }
        return new Framework(head.id(), head.version(), head.name(), head.status(), domains);
    }
}
