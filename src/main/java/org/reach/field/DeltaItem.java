package org.reach.field;

import java.util.Map;

/**
 * One thing a phone keeps offline: a site, a hotspot of the peer's plan, a client of the peer's caseload with the day
 * they have been due since, a service of the catalogue, the catalogue's version, a substance of the drug-report form,
 * or that form's codes and version. No data means the phone drops it.
 */
public record DeltaItem(String key, String kind, Map<String, Object> data) {

    public boolean removed() {
        return data == null;
    }
}
