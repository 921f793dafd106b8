package org.reach.partners;

/** Mean of the consensus scores of a domain's questions; null while none is settled. */
public record DomainScore(String code, String name, Double score) {

    public String formatted() {
        return score == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f", score);
    }
}
