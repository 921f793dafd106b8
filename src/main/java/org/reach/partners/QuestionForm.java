package org.reach.partners;

/** Changing a question of a draft framework. */
public record QuestionForm(String text, String anchor1, String anchor2, String anchor3, String anchor4) {
}
