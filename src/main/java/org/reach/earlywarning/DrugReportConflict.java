package org.reach.earlywarning;

import java.util.List;

/** A drug report uuid already stored with other content: the stored report stands and nothing is written. */
public class DrugReportConflict extends RuntimeException {

    private final List<String> fields;

    public DrugReportConflict(String uuid, List<String> fields) {
        super("Drug report " + uuid + " is already stored with different content: " + fields);
        this.fields = List.copyOf(fields);
    }

    /** The fields whose values differ from the stored report, named as the report form names them. */
    public List<String> fields() {
        return fields;
    }
}
