package org.reach.partners;

/** A score (1–4) with its evidence for one question. */
public record ScoreEntry(Long questionId, Integer score, String evidence) {
}
