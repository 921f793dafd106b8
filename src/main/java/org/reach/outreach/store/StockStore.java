package org.reach.outreach.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.reach.outreach.MovementKind;
import org.reach.outreach.StockItem;
import org.reach.outreach.StockMovement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stock movements per site and item; stock on hand is their sum, never a number kept apart. */
@Repository
public class StockStore {

    private static final String COLUMNS = "id, organisation_id, site_id, item, kind, quantity, peer_id, moved_on, note, created_by";

    private final JdbcClient jdbc;

    StockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long organisationId, long siteId, StockItem item, MovementKind kind, int quantity, Long peerId,
                       LocalDate date, String note, long actorId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO stock_movements (organisation_id, site_id, item, kind, quantity, peer_id, moved_on, note,
                            created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, siteId, item.name(), kind.name(), quantity, peerId, date, note,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actorId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** On hand of one item at one site: receipts less issues and losses, up to and including a day. */
    /**
     * Waits for every other transaction moving this item at this site to finish, by locking its movements, so the
     * balance read next includes their writes (each statement reads what is committed). Two issues that each fit what
     * is on hand can then never together take more than there is.
     */
    public void lockItem(long siteId, StockItem item) {
        jdbc.sql("SELECT id FROM stock_movements WHERE site_id = ? AND item = ? FOR UPDATE")
                .params(siteId, item.name()).query(Long.class).list();
    }

    public long onHand(long siteId, StockItem item, LocalDate upTo) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN kind = 'RECEIPT' THEN quantity ELSE -quantity END), 0)
                        FROM stock_movements WHERE site_id = ? AND item = ? AND moved_on <= ?""")
                .params(siteId, item.name(), upTo).query(Long.class).single();
    }

    /** Every movement at these sites of an organisation, oldest first (for levels and stock-out months). */
    public List<StockMovement> movements(Collection<Long> organisationIds, Collection<Long> siteIds, LocalDate upTo) {
        if (organisationIds.isEmpty() || (siteIds != null && siteIds.isEmpty())) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock_movements WHERE organisation_id IN (:orgs) AND moved_on <= :upTo"
                        + (siteIds == null ? "" : " AND site_id IN (:sites)") + " ORDER BY moved_on, id")
                .param("orgs", organisationIds).param("upTo", upTo)
                .params(siteIds == null ? java.util.Map.of() : java.util.Map.of("sites", siteIds))
                .query(StockStore::row).list();
    }

    /** The latest movements at these sites, newest first. */
    public List<StockMovement> latest(long organisationId, Collection<Long> siteIds, int limit) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock_movements WHERE organisation_id = :org AND site_id IN (:sites)"
                        + " ORDER BY moved_on DESC, id DESC LIMIT :limit")
                .param("org", organisationId).param("sites", siteIds).param("limit", limit)
                .query(StockStore::row).list();
    }

    private static StockMovement row(ResultSet rs, int n) throws SQLException {
        return new StockMovement(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("site_id"),
                StockItem.valueOf(rs.getString("item")), MovementKind.valueOf(rs.getString("kind")), rs.getInt("quantity"),
                rs.getObject("peer_id", Long.class), rs.getObject("moved_on", LocalDate.class), rs.getString("note"),
                rs.getLong("created_by"));
    }
}
