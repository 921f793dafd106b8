package org.reach.outreach;

/**
 * What a site holds of one item: on hand today, what went out (issues and losses) in the last 30 days, the days of
 * stock left at that rate (null when nothing went out), and whether it is time to reorder: out of stock, or fewer
 * days left than the reorder threshold.
 */
public record StockLevel(long siteId, String siteName, StockItem item, long onHand, long outLast30Days, Integer daysLeft,
                         boolean reorder) {

    public boolean stockedOut() {
        return onHand <= 0;
    }
}
