package org.reach.services.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.reach.services.ProviderType;
import org.reach.services.Referral;
import org.reach.services.ReferralStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ReferralStore {

    private static final String SELECT = """
            SELECT id, organisation_id, client_id, provider_type, provider_name, internal_site_id, made_on, accepted_on,
                   closed_on, outcome_note, status, made_by, uuid FROM referrals""";

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String uuid, long organisationId, long clientId, ProviderType type, String providerName,
                       Long internalSiteId, LocalDate madeOn, long madeBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO referrals (uuid, organisation_id, client_id, provider_type, provider_name,
                                               internal_site_id, made_on, status, made_by, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'MADE', ?, ?, ?)""")
                .params(uuid, organisationId, clientId, type.name(), providerName, internalSiteId, madeOn, madeBy,
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void accept(long id, LocalDate on, Instant now) {
        jdbc.sql("UPDATE referrals SET status = 'ACCEPTED', accepted_on = ?, updated_at = ? WHERE id = ?")
                .params(on, Timestamp.from(now), id).update();
    }

    public void close(long id, ReferralStatus status, LocalDate on, String note, Instant now) {
        jdbc.sql("UPDATE referrals SET status = ?, closed_on = ?, outcome_note = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), on, note, Timestamp.from(now), id).update();
    }

    public Optional<Referral> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ReferralStore::map).optional();
    }

    /** The referral an organisation stored under a device's uuid. */
    public Optional<Referral> byUuid(long organisationId, String uuid) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? AND uuid = ?").params(organisationId, uuid)
                .query(ReferralStore::map).optional();
    }

    /** An organisation's referrals; open ones made on or before a day when {@code openMadeBy} is given. */
    public List<Referral> search(long organisationId, Long clientId, LocalDate openMadeBy, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE organisation_id = :org");
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("org", organisationId);
        if (clientId != null) {
            sql.append(" AND client_id = :client");
            params.put("client", clientId);
        }
        if (openMadeBy != null) {
            sql.append(" AND status IN ('MADE', 'ACCEPTED') AND made_on <= :by");
            params.put("by", openMadeBy);
        }
        sql.append(" ORDER BY made_on, id LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(ReferralStore::map).list();
    }

    private static Referral map(ResultSet rs, int row) throws SQLException {
        return new Referral(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("client_id"),
                ProviderType.valueOf(rs.getString("provider_type")), rs.getString("provider_name"),
                rs.getObject("internal_site_id", Long.class), rs.getObject("made_on", LocalDate.class),
                rs.getObject("accepted_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getString("outcome_note"), ReferralStatus.valueOf(rs.getString("status")), rs.getLong("made_by"),
                rs.getString("uuid"));
    }
}
