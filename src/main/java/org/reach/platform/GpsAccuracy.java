package org.reach.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How precise a GPS reading must be to be trusted as a point: one threshold in metres for every point Reach stores
 * (hotspots, overdose locations), {@code reach.gps.accuracy-threshold-metres}, 50 by default. A worse reading is
 * kept — an overdose report is never refused for its GPS — but flagged {@code imprecise} in every answer; the pages
 * ask for another reading or a point picked on the map before they use one.
 */
@Component
public class GpsAccuracy {

    public static final double DEFAULT_THRESHOLD_METRES = 50;

    private final double thresholdMetres;

    GpsAccuracy(@Value("${reach.gps.accuracy-threshold-metres:${reach.rar.gps-accuracy-threshold:50}}") double thresholdMetres) {
        if (!(thresholdMetres > 0)) {
            throw new IllegalArgumentException("reach.gps.accuracy-threshold-metres must be above zero");
        }
        this.thresholdMetres = thresholdMetres;
    }

    public static GpsAccuracy of(double thresholdMetres) {
        return new GpsAccuracy(thresholdMetres);
    }

    public double thresholdMetres() {
        return thresholdMetres;
    }

    /** A reading worse than the threshold; a point without a reading (picked on the map) is not. */
    public boolean imprecise(Double accuracyMetres) {
        return accuracyMetres != null && accuracyMetres > thresholdMetres;
    }
}
