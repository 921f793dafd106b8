package org.reach.followup;

/** What an organisation manager says of one of their sites in the partner directory. */
public record PartnerServiceForm(Long siteId, String servicesOffered, String openingHours, Boolean womenWelcome,
                                 Boolean nonInjectorsWelcome) {
}
