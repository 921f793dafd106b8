package org.reach.platform;

/**
 * The one paging style of lists: pages count from 0, a page holds at most a list's own size, and a page
 * number beyond {@link #MAX_PAGE} is refused (the API) or brought back to the last allowed page (pages),
 * so an offset is never negative or absurd.
 */
public final class Paging {

    /** A million rows at the smallest page size of ten: more than any list an organisation holds. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    /** The page number as asked, or a problem naming {@code page}. */
    public static int page(int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw InvalidInput.of("page", "error.pageNumber", MAX_PAGE);
        }
        return page;
    }

    /** For pages reached by links: a hand-edited page number is brought back into range. */
    public static int clamp(int page) {
        return Math.max(0, Math.min(page, MAX_PAGE));
    }

    /** The size asked for, kept between 1 and the list's largest page. */
    public static int size(int size, int max) {
        return Math.max(1, Math.min(size, max));
    }

    /** The first row of a page, computed without overflow. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
