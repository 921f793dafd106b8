package org.reach.partners;

import java.util.List;

/**
 * A partner strong where the learning partner is weak. {@code benefit} is the sum of score differences over
 * the matched domains; {@code mutualBenefit} the same the other way round ("both ways").
 */
public record TwinningSuggestion(long organisationId, String organisationName, String countryCode,
                                 List<String> domains, double benefit, double mutualBenefit,
                                 List<TwinningReason> reasons) {

    public TwinningSuggestion {
        domains = List.copyOf(domains);
        reasons = List.copyOf(reasons);
    }
}
