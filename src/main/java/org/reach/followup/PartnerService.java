package org.reach.followup;

/** A site of an organisation of the programme as the partner directory shows it, for referrals to choose from. */
public record PartnerService(long id, long organisationId, String organisationName, long siteId, String siteName,
                             String city, String servicesOffered, String openingHours, boolean womenWelcome,
                             boolean nonInjectorsWelcome) {
}
