package org.reach.outreach;

/** Commodities a site holds, each counted in its own unit (pieces, kits, milligrams for OAT medicine). */
public enum StockItem {
    SYRINGES_1ML, SYRINGES_3ML, SYRINGES_5ML, NEEDLES, NALOXONE, CONDOMS, FOIL, PIPES, HIV_TEST_KITS, HCV_TEST_KITS,
    METHADONE_MG, BUPRENORPHINE_MG;

    public String messageKey() {
        return "outreach.item." + name();
    }

    public boolean isSyringe() {
        return name().startsWith("SYRINGES_") || this == NEEDLES;
    }
}
