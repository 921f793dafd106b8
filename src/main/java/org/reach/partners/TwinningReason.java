package org.reach.partners;

/** Why a partner is suggested, for one domain: "MEWA scores 1/4 on human rights; Mainline scores 4/4". */
public record TwinningReason(String domainCode, String domainName, double learnerScore, double supporterScore,
                             boolean backwards, String text) {
}
