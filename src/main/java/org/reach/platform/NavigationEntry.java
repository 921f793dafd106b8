package org.reach.platform;

/**
 * One place a person may go: a menu entry or a quick action on the start page. {@code searchParameter}, when set,
 * makes the quick action a search box sending that parameter to the path.
 */
public record NavigationEntry(String id, String path, String messageKey, int order, String searchParameter) {

    public static NavigationEntry link(String id, String path, String messageKey, int order) {
        return new NavigationEntry(id, path, messageKey, order, null);
    }

    public static NavigationEntry search(String id, String path, String messageKey, int order, String parameter) {
        return new NavigationEntry(id, path, messageKey, order, parameter);
    }

    public boolean isSearch() {
        return searchParameter != null;
    }
}
