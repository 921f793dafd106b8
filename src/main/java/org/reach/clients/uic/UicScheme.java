package org.reach.clients.uic;

/** How an organisation builds its unique identifier codes; chosen once per organisation. */
public enum UicScheme {
    /** Mother 2 + father 2 + sex code 1 + birth year 2, e.g. {@code FAAHM89}: 7 characters. */
    PARENTS_SEX_YEAR(7),
    /** Mother 2 + father 2 + birth order 2 + date of birth MMDDYYYY (99 when unknown): 14 characters. */
    PARENTS_ORDER_BIRTH_DATE(14);

    private final int length;

    UicScheme(int length) {
        this.length = length;
    }

    public int length() {
        return length;
    }

    public String messageKey() {
        return "uicScheme." + name();
    }
}
