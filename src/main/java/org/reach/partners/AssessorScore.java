package org.reach.partners;

public record AssessorScore(long assessorId, String assessorName, int score, String evidence) {
}
