package org.reach.accounts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Zxcvbn;
import org.reach.platform.Problems;

/**
 * What a new password must not be: short, one of the commonly used passwords, a pattern (repeated
 * characters, sequences, keyboard walks, dates) or built from the person's username or organisation's
 * name. zxcvbn (Dropbox's estimator) holds the lists of common passwords, words and names and the
 * keyboard layouts; its score 3 means about 10^8 guesses, far beyond what the sign-in throttle allows.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final int MIN_SCORE = 3;
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordPolicy() {
    }

    static void check(Problems problems, String field, String password, String username, String organisationName) {
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add(field, "account.error.passwordLength", MIN_LENGTH);
            return;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(field, "error.tooLong", MAX_LENGTH);
            return;
        }
        String plain = letters(password);
        if (username != null && !username.isBlank() && (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))
                || plain.contains(letters(username)))) {
            problems.add(field, "account.error.passwordContainsUsername");
            return;
        }
        List<String> organisationWords = words(organisationName);
        String organisation = letters(organisationName);
        if (organisation.length() >= 3 && plain.contains(organisation)) {
            problems.add(field, "account.error.passwordContainsOrganisation");
            return;
        }
        List<String> personal = new ArrayList<>(words(username));
        personal.addAll(organisationWords);
        if (ESTIMATOR.measure(password, personal).getScore() < MIN_SCORE) {
            problems.add(field, "account.error.passwordGuessable");
        }
    }

    /** Lower-case letters and digits only, accents removed: "Karachi Harm-Reduction" becomes "karachiharmreduction". */
    private static String letters(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder();
        decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            String clean = letters(word);
            if (clean.length() >= 3) {
                words.add(clean);
            }
        }
        return words;
    }
}
