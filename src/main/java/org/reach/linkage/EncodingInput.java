package org.reach.linkage;

/**
 * What one encoding is made of. Full: the names (letters A to Z only), sex and birth date from a registration.
 * Basic: what every stored client has, the four name letters of the code, sex and the two last digits of the birth
 * year. Never printed.
 */
record EncodingInput(Kind kind, String mother, String father, String ownFirst, String ownLast, String sex,
                     Integer birthYear, Integer birthMonth, Integer birthDay) {

    enum Kind { FULL, BASIC }

    static EncodingInput full(String mother, String father, String ownFirst, String ownLast, String sex,
                              Integer birthYear, Integer birthMonth, Integer birthDay) {
        return new EncodingInput(Kind.FULL, mother, father, ownFirst, ownLast, sex, birthYear, birthMonth, birthDay);
    }

    /** From a stored code: letters 1–2 stand for the mother, 3–4 for the father, whatever the scheme. */
    static EncodingInput basic(String code, String sex, Integer birthYear) {
        String letters = code == null || code.length() < 4 ? "" : code.substring(0, 4);
        Integer year = birthYear;
        if (year == null && code != null && (code.length() == 7 || code.length() == 8) && Character.isDigit(code.charAt(5))
                && Character.isDigit(code.charAt(6))) {
            year = Integer.parseInt(code.substring(5, 7)); // the 7-character code (8 with its check character) holds two digits only
        }
        return new EncodingInput(Kind.BASIC, letters.length() == 4 ? letters.substring(0, 2) : "",
                letters.length() == 4 ? letters.substring(2, 4) : "", null, null, sex,
                year == null ? null : year % 100, null, null);
    }

    @Override
    public String toString() {
        return "EncodingInput[redacted]";
    }
}
