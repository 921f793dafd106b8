package org.reach.partners;

public record ProgressForm(ActionStatus status, String note) {
}
