package org.reach.earlywarning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** A stored drug report: organisation data, never about a named person. */
public record DrugReport(long id, String uuid, long organisationId, long siteId, String city, Long hotspotId,
                         LocalDate reportedOn, long soldAsId, String soldAs, Long foundId, String found, DrugForm form,
                         BigDecimal pricePerUnit, BigDecimal purity, Set<Adulterant> adulterants, DrugRoute route,
                         ReportSource source, UnusualEffect effect, String effectNote) {
}
