package org.reach.rar;

/** What kind of place a hotspot is. */
public enum Typology {
    ABANDONED_BUILDING, GRAVEYARD, PARK, STREET, BUSY_NEIGHBOURHOOD, MARKET, STATION, RIVERBANK, SHRINE, OTHER;

    public String messageKey() {
        return "rar.typology." + name();
    }
}
