package org.reach.organisations;

public record SiteForm(Long organisationId, String name, SiteType type, String area, String city, Double latitude,
                       Double longitude, OpeningStatus openingStatus) {

    public static SiteForm of(Site site) {
        return new SiteForm(site.organisationId(), site.name(), site.type(), site.area(), site.city(), site.latitude(),
                site.longitude(), site.openingStatus());
    }

    public static SiteForm forOrganisation(Long organisationId) {
        return new SiteForm(organisationId, "", SiteType.DROP_IN_CENTRE, "", "", null, null, OpeningStatus.OPEN);
    }
}
