package org.reach.organisations;

/** A place where services are delivered. Coordinates are optional but must come as a pair. */
public record Site(long id, long organisationId, String name, SiteType type, String area, Double latitude,
                   Double longitude, OpeningStatus openingStatus, boolean active) {

    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }
}
