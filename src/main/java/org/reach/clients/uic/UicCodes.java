package org.reach.clients.uic;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.reach.clients.Gender;
import org.reach.platform.InvalidInput;
import org.reach.platform.Problems;

/**
 * Builds unique identifier codes from their components and finds codes close to a given one.
 * Problems name the component field ({@code motherFirstName}, {@code birthYear}, ...) so a form can
 * show them beside the field; messages never repeat the component values. See {@code docs/uic.md}.
 *
 * <p>Rules, in short: names become letters A to Z ({@link NameLetters}); an unknown mother is replaced by
 * the first two letters of the person's own first name, an unknown father by the first two letters of the
 * own last name (or, without a last name, letters 3 and 4 of the own first name); a name that gives only
 * one letter is padded with {@code X}. Unknown numbers are written as nines. Only the components a scheme
 * uses are checked: the 7-character scheme ignores birth order, month and day, the 14-character scheme
 * ignores gender.
 */
public final class UicCodes {

    /** The widest range any code accepts; {@link #generate(UicScheme, UicComponents, Year)} is stricter. */
    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 2100;
    /** The earliest birth year taken as plausible for a living client. */
    public static final int EARLIEST_PLAUSIBLE_YEAR = 1920;
    public static final int MAX_BIRTH_ORDER = 20;

    /** Written for an unknown birth order, month, day or two-digit year. */
    public static final int UNKNOWN = 99;
    /** Written for an unknown four-digit year. */
    public static final int UNKNOWN_YEAR = 9999;

    private static final Pattern SEVEN = Pattern.compile("[A-Z]{4}[FMTRX][0-9]{2}");
    private static final Pattern FOURTEEN = Pattern.compile(
            "[A-Z]{4}(0[1-9]|1[0-9]|20|99)(0[1-9]|1[0-2]|99)(0[1-9]|[12][0-9]|3[01]|99)(19[0-9]{2}|20[0-9]{2}|2100|9999)");

    private UicCodes() {
    }

    /** The code for these components; birth years are checked against 1900 to 2100 only. */
    public static String generate(UicScheme scheme, UicComponents components) {
        return explain(scheme, components).code();
    }

    /** The code for these components, with the birth year checked to be plausible (1920 to the current year). */
    public static String generate(UicScheme scheme, UicComponents components, Year currentYear) {
        return explain(scheme, components, currentYear).code();
    }

    /**
     * The code and where each of its parts came from, for the form to show before saving. Throws
     * {@link InvalidInput} exactly when {@link #generate(UicScheme, UicComponents)} would.
     */
    public static UicExplanation explain(UicScheme scheme, UicComponents components) {
        return build(scheme, components, null);
    }

    /** As {@link #explain(UicScheme, UicComponents)}, with the birth year checked to be plausible. */
    public static UicExplanation explain(UicScheme scheme, UicComponents components, Year currentYear) {
        return build(scheme, components, currentYear);
    }

    /** True when the birth year is unknown or between 1920 and the current year. */
    public static boolean isPlausibleBirthYear(Integer birthYear, Year currentYear) {
        return isUnknownYear(birthYear) || (birthYear >= EARLIEST_PLAUSIBLE_YEAR && birthYear <= currentYear.getValue());
    }

    /**
     * The letters a name contributes to a code (see {@link NameLetters}): A to Z only, possibly empty.
     *
     * @throws InvalidInput naming {@code field} when the name holds digits or letters of a script that is
     *                      not Latin or Arabic
     */
    public static String normaliseName(String field, String name) {
        NameLetters.Result result = NameLetters.of(name);
        if (result.refused()) {
            throw InvalidInput.of(field, result.refusal().messageKey);
        }
        return result.letters();
    }

    /** A code typed by a person, in the form the registry stores it. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /**
     * Whether a (normalised) code can have been made by the scheme: letters where letters go, the sex code
     * from F, M, T, R, X, and numbers in range (a day that the month has, a year 1900 to 2100, nines for
     * unknown).
     */
    public static boolean isWellFormed(UicScheme scheme, String code) {
        if (code == null || code.length() != scheme.length()) {
            return false;
        }
        return switch (scheme) {
            case PARENTS_SEX_YEAR -> SEVEN.matcher(code).matches();
            case PARENTS_ORDER_BIRTH_DATE -> FOURTEEN.matcher(code).matches()
                    && dayFitsMonth(Integer.parseInt(code.substring(8, 10)), Integer.parseInt(code.substring(6, 8)),
                    Integer.parseInt(code.substring(10, 14)));
        };
    }

    /** Whether a normalised code has the length of a new code: the scheme's length plus its check character. */
    public static boolean hasCheckCharacter(UicScheme scheme, String code) {
        return code != null && code.length() == scheme.length() + 1;
    }

    /** A code body (as {@link #generate} makes it) with its check character appended: the form new codes are given. */
    public static String withCheckCharacter(String body) {
        return body + UicCheckCharacter.of(body);
    }

    /** The code without its check character; a code of the scheme's length (registered before checks) as it is. */
    public static String bodyOf(UicScheme scheme, String code) {
        return hasCheckCharacter(scheme, code) ? code.substring(0, scheme.length()) : code;
    }

    /**
     * Whether a normalised code is acceptable as typed: a well-formed body of the scheme's length (a code registered
     * before check characters), or such a body followed by its check character. A wrong check character means one
     * character was mistyped (see {@link #isCheckCharacterWrong}).
     */
    public static boolean isWellFormedWithOrWithoutCheck(UicScheme scheme, String code) {
        if (code == null) {
            return false;
        }
        if (hasCheckCharacter(scheme, code)) {
            return isWellFormed(scheme, bodyOf(scheme, code)) && UicCheckCharacter.matches(code);
        }
        return isWellFormed(scheme, code);
    }

    /** A code of a new code's length whose last character is not the check character of the rest: a typing error. */
    public static boolean isCheckCharacterWrong(UicScheme scheme, String code) {
        return hasCheckCharacter(scheme, code) && !UicCheckCharacter.matches(code);
    }

    /**
     * Existing codes that may belong to the same person as {@code code}: exactly one character different,
     * mother and father swapped (characters 1–2 and 3–4), or for the 14-character scheme day and month
     * swapped. Each candidate is reported once, with its strongest kind (in the order of
     * {@link NearMatch.Kind}); the code itself is never reported. Existing codes are expected in normalised
     * form; the given code is normalised first. Results come strongest kind first, then by code.
     */
    public static List<NearMatch> nearMatches(UicScheme scheme, String code, Collection<String> existing) {
        String wanted = normalise(code);
        int length = wanted.length();
        boolean dates = scheme == UicScheme.PARENTS_ORDER_BIRTH_DATE && length == UicScheme.PARENTS_ORDER_BIRTH_DATE.length();
        Map<String, NearMatch.Kind> found = new LinkedHashMap<>();
        for (String candidate : existing) {
            if (candidate == null || candidate.length() != length || candidate.equals(wanted)) {
                continue;
            }
            NearMatch.Kind kind = kindOf(wanted, candidate, dates);
            if (kind != null) {
                found.merge(candidate, kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<NearMatch> matches = new ArrayList<>(found.size());
        found.forEach((candidate, kind) -> matches.add(new NearMatch(candidate, kind)));
        matches.sort(Comparator.comparing(NearMatch::kind).thenComparing(NearMatch::code));
        return matches;
    }

    private static NearMatch.Kind kindOf(String code, String candidate, boolean dates) {
        if (atMostOneDifference(code, candidate)) {
            return NearMatch.Kind.ONE_CHARACTER_DIFFERENT;
        }
        if (code.length() >= 4 && swappedAt(code, candidate, 0, 2, 2)) {
            return NearMatch.Kind.PARENTS_SWAPPED;
        }
        if (dates && swappedAt(code, candidate, 6, 8, 2)) {
            return NearMatch.Kind.DAY_AND_MONTH_SWAPPED;
        }
        return null;
    }

    /** Same length, not equal, and differing in no more than one place (stops at the second difference). */
    private static boolean atMostOneDifference(String a, String b) {
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i) && ++count > 1) {
                return false;
            }
        }
        return true;
    }

    /** b is a with the blocks [first, first+size) and [second, second+size) exchanged, all else equal. */
    private static boolean swappedAt(String a, String b, int first, int second, int size) {
        for (int i = 0; i < a.length(); i++) {
            int from = i;
            if (i >= first && i < first + size) {
                from = second + (i - first);
            } else if (i >= second && i < second + size) {
                from = first + (i - second);
            }
            if (b.charAt(i) != a.charAt(from)) {
                return false;
            }
        }
        return true;
    }

    private static UicExplanation build(UicScheme scheme, UicComponents components, Year currentYear) {
        Problems problems = new Problems();
        List<UicExplanation.Part> parts = new ArrayList<>();
        UicExplanation.Part mother = mother(components, problems);
        UicExplanation.Part father = father(components, problems);
        switch (scheme) {
            case PARENTS_SEX_YEAR -> {
                problems.check(components.gender() != null, "gender", "uic.genderRequired");
                UicExplanation.Part year = year(components.birthYear(), currentYear, problems, false);
                problems.throwIfAny();
                parts.add(mother);
                parts.add(father);
                parts.add(new UicExplanation.Part("gender", String.valueOf(sexCode(components.gender())),
                        UicExplanation.Source.GIVEN, false, false));
                parts.add(year);
            }
            case PARENTS_ORDER_BIRTH_DATE -> {
                Integer order = known(components.birthOrder());
                Integer month = known(components.birthMonth());
                Integer day = known(components.birthDay());
                Integer birthYear = isUnknownYear(components.birthYear()) ? null : components.birthYear();
                problems.check(order == null || (order >= 1 && order <= MAX_BIRTH_ORDER), "birthOrder",
                        "uic.birthOrderOutOfRange", "1", String.valueOf(MAX_BIRTH_ORDER));
                problems.check(month == null || (month >= 1 && month <= 12), "birthMonth", "uic.birthMonthOutOfRange");
                boolean dayInRange = day == null || (day >= 1 && day <= 31);
                problems.check(dayInRange, "birthDay", "uic.birthDayOutOfRange");
                UicExplanation.Part year = year(components.birthYear(), currentYear, problems, true);
                if (dayInRange && day != null && month != null && month >= 1 && month <= 12) {
                    problems.check(dayFitsMonth(day, month, birthYear == null ? UNKNOWN_YEAR : birthYear),
                            "birthDay", "uic.birthDayNotInMonth");
                }
                problems.throwIfAny();
                parts.add(mother);
                parts.add(father);
                parts.add(number("birthOrder", order));
                parts.add(number("birthMonth", month));
                parts.add(number("birthDay", day));
                parts.add(year);
            }
        }
        StringBuilder code = new StringBuilder(scheme.length());
        parts.forEach(part -> code.append(part.characters()));
        return new UicExplanation(scheme, code.toString(), parts);
    }

    private static UicExplanation.Part mother(UicComponents components, Problems problems) {
        String field = "motherFirstName";
        NameLetters.Result given = NameLetters.of(components.motherFirstName());
        if (given.refused()) {
            problems.add(field, given.refusal().messageKey);
            return null;
        }
        if (!given.letters().isEmpty()) {
            return letters(field, given, 0, UicExplanation.Source.GIVEN);
        }
        if (!isBlank(components.motherFirstName())) {
            problems.add(field, "uic.needsLetters");
            return null;
        }
        NameLetters.Result own = NameLetters.of(components.ownFirstName());
        if (own.refused()) {
            problems.add("ownFirstName", own.refusal().messageKey);
            return null;
        }
        if (own.letters().isEmpty()) {
            problems.add("ownFirstName", "uic.motherUnknownNeedsOwnFirstName");
            return null;
        }
        return letters(field, own, 0, UicExplanation.Source.OWN_FIRST_NAME);
    }

    private static UicExplanation.Part father(UicComponents components, Problems problems) {
        String field = "fatherFirstName";
        NameLetters.Result given = NameLetters.of(components.fatherFirstName());
        if (given.refused()) {
            problems.add(field, given.refusal().messageKey);
            return null;
        }
        if (!given.letters().isEmpty()) {
            return letters(field, given, 0, UicExplanation.Source.GIVEN);
        }
        if (!isBlank(components.fatherFirstName())) {
            problems.add(field, "uic.needsLetters");
            return null;
        }
        NameLetters.Result last = NameLetters.of(components.ownLastName());
        if (last.refused()) {
            problems.add("ownLastName", last.refusal().messageKey);
            return null;
        }
        if (!last.letters().isEmpty()) {
            return letters(field, last, 0, UicExplanation.Source.OWN_LAST_NAME);
        }
        NameLetters.Result first = NameLetters.of(components.ownFirstName());
        if (!first.refused() && first.letters().length() >= 3) {
            return letters(field, first, 2, UicExplanation.Source.OWN_FIRST_NAME);
        }
        if (first.refused() && !problems.has("ownFirstName")) {
            problems.add("ownFirstName", first.refusal().messageKey);
        }
        problems.add("ownLastName", "uic.fatherUnknownNeedsOwnLastName");
        return null;
    }

    /** Two letters from {@code from} on, padded with X when only one is there. */
    private static UicExplanation.Part letters(String field, NameLetters.Result name, int from, UicExplanation.Source source) {
        String letters = name.letters().substring(from, Math.min(from + 2, name.letters().length()));
        boolean padded = letters.length() == 1;
        return new UicExplanation.Part(field, padded ? letters + "X" : letters, source, name.transliterated(), padded);
    }

    private static UicExplanation.Part year(Integer birthYear, Year currentYear, Problems problems, boolean fourDigits) {
        if (isUnknownYear(birthYear)) {
            return new UicExplanation.Part("birthYear", fourDigits ? String.valueOf(UNKNOWN_YEAR) : String.valueOf(UNKNOWN),
                    UicExplanation.Source.UNKNOWN, false, false);
        }
        if (birthYear < EARLIEST_YEAR || birthYear > LATEST_YEAR) {
            problems.add("birthYear", "uic.birthYearOutOfRange", String.valueOf(EARLIEST_YEAR), String.valueOf(LATEST_YEAR));
        } else if (currentYear != null && !isPlausibleBirthYear(birthYear, currentYear)) {
            problems.add("birthYear", "uic.birthYearImplausible", String.valueOf(EARLIEST_PLAUSIBLE_YEAR),
                    String.valueOf(currentYear.getValue()));
        }
        String characters = fourDigits ? String.format(Locale.ROOT, "%04d", birthYear)
                : String.format(Locale.ROOT, "%02d", Math.floorMod(birthYear, 100));
        return new UicExplanation.Part("birthYear", characters, UicExplanation.Source.GIVEN, false, false);
    }

    private static UicExplanation.Part number(String field, Integer value) {
        return value == null
                ? new UicExplanation.Part(field, String.valueOf(UNKNOWN), UicExplanation.Source.UNKNOWN, false, false)
                : new UicExplanation.Part(field, String.format(Locale.ROOT, "%02d", value), UicExplanation.Source.GIVEN, false, false);
    }

    private static Integer known(Integer value) {
        return value == null || value == UNKNOWN ? null : value;
    }

    private static boolean isUnknownYear(Integer year) {
        return year == null || year == UNKNOWN_YEAR;
    }

    /** Whether the month has that day; with the year unknown (9999) 29 February is allowed. */
    private static boolean dayFitsMonth(int day, int month, int year) {
        if (day == UNKNOWN || month == UNKNOWN) {
            return true;
        }
        int days = switch (month) {
            case 2 -> year == UNKNOWN_YEAR || Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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
}
