package org.reach.rar;

import java.util.List;
import java.util.Map;

/** An uploaded survey export waiting for its column mapping: the headers and a guess for each target field. */
public record FieldUpload(String id, long assessmentId, String filename, List<String> headers, int rows,
                          Map<String, String> guessedMapping) {

    /** The hotspot fields a column can be mapped to. */
    public static final List<String> TARGETS = List.of("name", "district", "latitude", "longitude", "gps", "gpsAccuracy",
            "typology", "useType", "drugs", "womenPresent", "youthPresent", "transgenderPresent");
}
