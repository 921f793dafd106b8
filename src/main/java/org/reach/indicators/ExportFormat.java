package org.reach.indicators;

import java.util.Locale;

import org.reach.platform.InvalidInput;

/** The file formats of the full indicator export. */
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** XLSX when nothing is named. */
    public static ExportFormat parse(String text) {
        if (text == null || text.isBlank()) {
            return XLSX;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("format", "indicators.error.format");
        }
    }
}
