package org.reach.clients.uic;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a name as typed into the capital letters A to Z that a code is built from.
 *
 * <ol>
 * <li>Unicode NFKD, then every combining mark is removed: {@code é → E}, {@code ü → U}, {@code ç → C};
 * Arabic short-vowel signs (zabar, zer, pesh, shadda, sukun) and hamza marks go the same way.</li>
 * <li>Spaces, hyphens and dashes, apostrophes, dots, other punctuation and symbols, and invisible
 * formatting characters (zero-width joiners, direction marks) are dropped.</li>
 * <li>Latin letters are upper-cased with {@link Locale#ROOT}; a few letters that have no decomposition
 * are spelled out ({@code ß → SS}, {@code Æ → AE}, {@code Ø → O}, {@code Ł → L}, ...); any other Latin
 * letter outside A to Z is dropped.</li>
 * <li>Letters of the Arabic script (Urdu, Arabic, Persian, Pashto) are transliterated with the fixed
 * table {@link #ARABIC}. Short vowels are not written in that script, so the result is a consonant
 * skeleton ({@code محمد → MHMD}); the form must show it before the code is saved.</li>
 * <li>Digits (in any script) and letters of any other script (Cyrillic, Devanagari, CJK, ...) are
 * refused: the name must be typed again rather than guessed.</li>
 * </ol>
 * Common prefixes and titles (Al-, Muhammad, Syed, Bibi, ...) are deliberately kept: stripping them
 * would make the code depend on a judgement the person at the form cannot see.
 */
final class NameLetters {

    /** The outcome for one name; never carries the name itself into a log or message. */
    record Result(String letters, boolean transliterated, Refusal refusal) {

        boolean refused() {
            return refusal != null;
        }
    }

    enum Refusal {
        DIGITS("uic.digitsInName"),
        UNSUPPORTED_SCRIPT("uic.unsupportedScript"),
        UNKNOWN_ARABIC_LETTER("uic.unknownArabicLetter");

        final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /**
     * Arabic-script letter to Latin letters, after NFKD (so {@code آ أ إ} arrive as {@code ا}, {@code ؤ} as
     * {@code و}, {@code ئ} as {@code ي}, {@code ۓ} as {@code ے}, {@code ۀ ۂ} as {@code ه ہ}, and the
     * presentation forms as their base letters). An empty value means the letter is skipped.
     */
    static final Map<Integer, String> ARABIC = Map.ofEntries(
            Map.entry(0x0627, "A"),   // ا alef
            Map.entry(0x0671, "A"),   // ٱ alef wasla
            Map.entry(0x0649, "A"),   // ى alef maksura (Musa, Isa, Mustafa)
            Map.entry(0x0628, "B"),   // ب
            Map.entry(0x067E, "P"),   // پ
            Map.entry(0x062A, "T"),   // ت
            Map.entry(0x0679, "T"),   // ٹ
            Map.entry(0x067C, "T"),   // ټ Pashto
            Map.entry(0x062B, "S"),   // ث
            Map.entry(0x062C, "J"),   // ج
            Map.entry(0x0686, "CH"),  // چ
            Map.entry(0x0681, "DZ"),  // ځ Pashto
            Map.entry(0x0685, "TS"),  // څ Pashto
            Map.entry(0x062D, "H"),   // ح
            Map.entry(0x062E, "KH"),  // خ
            Map.entry(0x062F, "D"),   // د
            Map.entry(0x0688, "D"),   // ڈ
            Map.entry(0x0689, "D"),   // ډ Pashto
            Map.entry(0x0630, "Z"),   // ذ
            Map.entry(0x0631, "R"),   // ر
            Map.entry(0x0691, "R"),   // ڑ
            Map.entry(0x0693, "R"),   // ړ Pashto
            Map.entry(0x0632, "Z"),   // ز
            Map.entry(0x0698, "ZH"),  // ژ
            Map.entry(0x0696, "ZH"),  // ږ Pashto
            Map.entry(0x0633, "S"),   // س
            Map.entry(0x0634, "SH"),  // ش
            Map.entry(0x069A, "SH"),  // ښ Pashto
            Map.entry(0x0635, "S"),   // ص
            Map.entry(0x0636, "Z"),   // ض
            Map.entry(0x0637, "T"),   // ط
            Map.entry(0x0638, "Z"),   // ظ
            Map.entry(0x0639, "A"),   // ع ain
            Map.entry(0x063A, "GH"),  // غ
            Map.entry(0x0641, "F"),   // ف
            Map.entry(0x06A4, "V"),   // ڤ
            Map.entry(0x0642, "Q"),   // ق
            Map.entry(0x06A9, "K"),   // ک keheh (Urdu, Persian)
            Map.entry(0x0643, "K"),   // ك kaf (Arabic)
            Map.entry(0x06AF, "G"),   // گ
            Map.entry(0x0644, "L"),   // ل
            Map.entry(0x0645, "M"),   // م
            Map.entry(0x0646, "N"),   // ن
            Map.entry(0x06BA, "N"),   // ں noon ghunna
            Map.entry(0x06BC, "N"),   // ڼ Pashto
            Map.entry(0x0648, "W"),   // و
            Map.entry(0x06C1, "H"),   // ہ heh goal
            Map.entry(0x0647, "H"),   // ه heh
            Map.entry(0x0629, "H"),   // ة teh marbuta
            Map.entry(0x06C3, "H"),   // ۃ teh marbuta goal
            Map.entry(0x06D5, "H"),   // ە ae
            Map.entry(0x06BE, ""),    // ھ do-chashmi heh: marks aspiration (بھ = bh), skipped
            Map.entry(0x0621, ""),    // ء hamza: skipped
            Map.entry(0x06CC, "Y"),   // ی farsi yeh
            Map.entry(0x064A, "Y"),   // ي yeh
            Map.entry(0x06D2, "Y"),   // ے yeh barree
            Map.entry(0x06D0, "Y"),   // ې Pashto
            Map.entry(0x06CD, "Y"));  // ۍ Pashto

    /** Latin letters that NFKD leaves alone but that have an obvious spelling in A to Z. */
    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('Æ', "AE"), Map.entry('Œ', "OE"), Map.entry('Ø', "O"), Map.entry('Ł', "L"),
            Map.entry('Đ', "D"), Map.entry('Ð', "D"), Map.entry('Þ', "TH"), Map.entry('Ħ', "H"),
            Map.entry('Ŋ', "NG"));

    private static final int TATWEEL = 0x0640;

    private NameLetters() {
    }

    static Result of(String name) {
        if (name == null || name.isBlank()) {
            return new Result("", false, null);
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder letters = new StringBuilder();
        boolean transliterated = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT || cp == TATWEEL) {
                continue;
            }
            if (Character.isDigit(cp)) {
                return new Result("", false, Refusal.DIGITS);
            }
            if (!Character.isLetter(cp)) {
                continue; // spaces, hyphens, apostrophes, dots and other punctuation or symbols
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin(cp, letters);
            } else if (script == Character.UnicodeScript.ARABIC) {
                String latin = ARABIC.get(cp);
                if (latin == null) {
                    return new Result("", false, Refusal.UNKNOWN_ARABIC_LETTER);
                }
                letters.append(latin);
                transliterated = true;
            } else if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                continue; // modifier letters such as the Swahili apostrophe ʼ in Ngʼangʼa
            } else {
                return new Result("", false, Refusal.UNSUPPORTED_SCRIPT);
            }
        }
        return new Result(letters.toString(), transliterated, null);
    }

    private static void latin(int cp, StringBuilder letters) {
        String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        for (int j = 0; j < upper.length(); j++) {
            char c = upper.charAt(j);
            if (c >= 'A' && c <= 'Z') {
                letters.append(c);
            } else {
                String spelled = LATIN.get(c);
                if (spelled != null) {
                    letters.append(spelled);
                }
            }
        }
    }
}
