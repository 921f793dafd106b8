package org.reach.rar;

import java.util.List;

public record RecommendationForm(String text, List<FindingCode> codes, Priority priority, String owner,
                                 RecommendationStatus status) {
}
