package org.reach.clients.uic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.reach.clients.Gender;
import org.reach.platform.Problems;

/**
 * Builds unique identifier codes from their components and finds codes close to a given one.
 * Problems name the component field ({@code motherFirstName}, {@code birthYear}, ...) so a form can
 * show them beside the field; messages never repeat the component values.
 */
public final class UicCodes {

    private UicCodes() {
    }

    public static String generate(UicScheme scheme, UicComponents components) {
        Problems problems = new Problems();
        String own = letters(components.ownFirstName()) + letters(components.ownLastName());
        String mother = twoLetters(components.motherFirstName(), own);
        String father = twoLetters(components.fatherFirstName(), own.length() > 2 ? own.substring(2) : own);
        problems.check(mother != null, "motherFirstName", "uic.needsLetters");
        problems.check(father != null, "fatherFirstName", "uic.needsLetters");
        problems.check(components.gender() != null, "gender", "uic.genderRequired");
        problems.throwIfAny();
        String year = components.birthYear() == null ? "99" : String.format(Locale.ROOT, "%02d", components.birthYear() % 100);
        return switch (scheme) {
            case PARENTS_SEX_YEAR -> mother + father + sexCode(components.gender()) + year;
            case PARENTS_ORDER_BIRTH_DATE -> mother + father + two(components.birthOrder()) + two(components.birthMonth())
                    + two(components.birthDay()) + (components.birthYear() == null ? "9999" : String.valueOf(components.birthYear()));
        };
    }

    /** A code typed by a person, in the form the registry stores it. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    public static boolean isWellFormed(UicScheme scheme, String code) {
        return code != null && code.length() == scheme.length() && code.matches("[A-Z0-9]+");
    }

    public static List<NearMatch> nearMatches(UicScheme scheme, String code, Collection<String> existing) {
        List<NearMatch> matches = new ArrayList<>();
        for (String candidate : existing) {
            if (candidate.equals(code) || candidate.length() != code.length()) {
                continue;
            }
            if (differences(code, candidate) == 1) {
                matches.add(new NearMatch(candidate, NearMatch.Kind.ONE_CHARACTER_DIFFERENT));
            } else if ((code.substring(2, 4) + code.substring(0, 2) + code.substring(4)).equals(candidate)) {
                matches.add(new NearMatch(candidate, NearMatch.Kind.PARENTS_SWAPPED));
            }
        }
        return matches;
    }

    static char sexCode(Gender gender) {
        return switch (gender) {
            case FEMALE -> 'F';
            case MALE -> 'M';
            case TRANSGENDER_WOMAN -> 'T';
            case TRANSGENDER_MAN -> 'R';
            case OTHER -> 'X';
        };
    }

    private static String twoLetters(String name, String fallback) {
        String source = letters(name);
        if (source.isEmpty()) {
            source = fallback;
        }
        return source.length() >= 2 ? source.substring(0, 2) : null;
    }

    private static String letters(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static String two(Integer value) {
        return value == null ? "99" : String.format(Locale.ROOT, "%02d", value);
    }

    private static int differences(String a, String b) {
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                count++;
            }
        }
        return count;
    }
}
