package org.reach.earlywarning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A drug report as a peer or the API sends it. Codes come as text so that an unknown one is a field problem, not a
 * parse error; {@code uuid} is made by the device so that a repeated submission is recognised.
 */
public record DrugReportForm(String uuid, LocalDate reportedOn, Long siteId, Long hotspotId, Long soldAsId,
                             Long foundId, String form, BigDecimal pricePerUnit, BigDecimal purity,
                             List<String> adulterants, String route, String source, String effect, String effectNote) {

    public DrugReportForm {
        adulterants = adulterants == null ? List.of() : List.copyOf(adulterants);
    }
}
