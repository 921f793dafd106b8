package org.reach.clients;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How many distinct clients of one organisation, enrolled at one hotspot, were contacted in a period, by
 * subgroup. Counts only: never which clients. The hotspot is the enrolment hotspot as first written; every
 * spelling that {@link #normalise(String) normalises} to the same text is counted together.
 * <ul>
 * <li>injecting: route INJECTING or key population PEOPLE_WHO_INJECT_DRUGS;</li>
 * <li>non-injecting: not injecting, and a route of smoking, inhaling or oral use or key population
 * PEOPLE_WHO_USE_DRUGS_NOT_INJECTING (clients whose route is unknown are in neither group);</li>
 * <li>women: gender FEMALE or TRANSGENDER_WOMAN (groups overlap, as on hotspot visits);</li>
 * <li>youth: younger than 25 at the end of the period (birth year after the end year minus 25);</li>
 * <li>transgender: gender TRANSGENDER_WOMAN or TRANSGENDER_MAN or key population TRANSGENDER_PERSON.</li>
 * </ul>
 */
public record HotspotReach(String hotspot, int total, int injecting, int nonInjecting, int women, int youth,
                           int transgender) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");

    /** The name without case, accents or spaces: "Empress  Márket" and "empressmarket" are the same place. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        return SPACE.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }

    HotspotReach plus(HotspotReach other) {
        return new HotspotReach(hotspot, total + other.total, injecting + other.injecting,
                nonInjecting + other.nonInjecting, women + other.women, youth + other.youth,
                transgender + other.transgender);
    }
}
