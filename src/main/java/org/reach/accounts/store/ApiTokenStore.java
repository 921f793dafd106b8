package org.reach.accounts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reach.accounts.ApiToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Personal API tokens, kept as SHA-256 hashes only. */
@Repository
public class ApiTokenStore {

    private static final String SELECT = """
            SELECT id, user_id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at, parent_token_id
            FROM api_tokens""";

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Owned(long userId, ApiToken token, Long parentTokenId) {
    }

    public long insert(long userId, String name, String hash, String prefix, Instant now, Instant expiresAt,
                       Long parentTokenId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, created_at, expires_at, parent_token_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, name, hash, prefix, Timestamp.from(now), Timestamp.from(expiresAt), parentTokenId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<ApiToken> ofUser(long userId) {
        return jdbc.sql(SELECT + " WHERE user_id = ? ORDER BY created_at DESC").param(userId)
                .query((rs, i) -> map(rs).token()).list();
    }

    public Optional<Owned> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    public Optional<Owned> byHash(String hash) {
        return jdbc.sql(SELECT + " WHERE token_hash = ?").param(hash).query((rs, i) -> map(rs)).optional();
    }

    public void revoke(long id, Instant now) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(Timestamp.from(now), id)
                .update();
    }

    /** Revokes every token issued, directly or through others, by this token; returns how many. */
    public int revokeDescendants(long id, Instant now) {
        int revoked = 0;
        List<Long> parents = List.of(id);
        while (!parents.isEmpty()) {
            List<Long> children = new java.util.ArrayList<>();
            for (Long parent : parents) {
                children.addAll(jdbc.sql("SELECT id FROM api_tokens WHERE parent_token_id = ?").param(parent)
                        .query(Long.class).list());
            }
            for (Long child : children) {
                revoked += jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                        .params(Timestamp.from(now), child).update();
            }
            parents = children;
        }
        return revoked;
    }

    public int revokeAllOf(long userId, Instant now) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), userId).update();
    }

    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    private static Owned map(ResultSet rs) throws SQLException {
        return new Owned(rs.getLong("user_id"), new ApiToken(rs.getLong("id"), rs.getString("name"),
                rs.getString("token_prefix"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at")), rs.getObject("parent_token_id", Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
