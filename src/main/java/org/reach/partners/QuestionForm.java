package org.reach.partners;

import java.util.List;

/**
 * Changing a question of a draft framework: its English wording, or with a language (nl, ur, sw) its
 * translation into that language.
 */
public record QuestionForm(String text, String anchor1, String anchor2, String anchor3, String anchor4, String language) {

    public QuestionForm(String text, String anchor1, String anchor2, String anchor3, String anchor4) {
        this(text, anchor1, anchor2, anchor3, anchor4, null);
    }

    List<String> anchors() {
        return List.of(anchor1, anchor2, anchor3, anchor4);
    }
}
