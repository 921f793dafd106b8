-- The framework as data carries its translations: the wording of a question and of its four levels in a
-- language other than English, stored with the question, so that a coordinator's framework version takes its
-- translations along when it is copied. A question without a translation in the reader's language is shown in
-- English.
CREATE TABLE partner_question_translations (
    question_id BIGINT NOT NULL REFERENCES partner_framework_questions (id),
    language    VARCHAR(8) NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    anchor_1    VARCHAR(1000) NOT NULL,
    anchor_2    VARCHAR(1000) NOT NULL,
    anchor_3    VARCHAR(1000) NOT NULL,
    anchor_4    VARCHAR(1000) NOT NULL,
    CONSTRAINT partner_question_translations_pk PRIMARY KEY (question_id, language)
);
