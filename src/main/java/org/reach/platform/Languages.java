package org.reach.platform;

import java.util.List;
import java.util.Locale;

/** The languages Reach speaks. Urdu is written right to left. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "nl", "ur", "sw");
    public static final String DEFAULT = "en";

    private Languages() {
    }

    public static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    public static boolean isRightToLeft(Locale locale) {
        return "ur".equals(locale.getLanguage());
    }
}
