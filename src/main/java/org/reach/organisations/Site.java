package org.reach.organisations;

/**
 * A place where services are delivered. Coordinates are optional but must come as a pair. The city is
 * required whenever a site is created or edited; sites recorded before cities were kept may have none.
 */
public record Site(long id, long organisationId, String name, SiteType type, String area, String city, Double latitude,
                   Double longitude, OpeningStatus openingStatus, boolean active) {

    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }
}
