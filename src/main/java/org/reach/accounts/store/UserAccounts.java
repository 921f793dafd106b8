package org.reach.accounts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reach.accounts.StaffMember;
import org.reach.accounts.UserAccount;
import org.reach.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Staff accounts with their roles and site assignments. */
@Repository
public class UserAccounts {

    private static final String SELECT = """
            SELECT id, username, display_name, organisation_id, programme_id, language, active, locked_until,
                   password_change_required, password_hash, failed_logins
            FROM user_accounts""";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account row with what sign-in needs besides the public view. */
    public record Stored(UserAccount account, String passwordHash, int failedLogins, Instant lockedUntil) {
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM user_accounts").query(Long.class).single();
    }

    public List<UserAccount> all(Instant now) {
        return withRolesAndSites(jdbc.sql(SELECT + " ORDER BY username").query((rs, i) -> row(rs)).list(), now);
    }

    public List<UserAccount> ofOrganisation(long organisationId, Instant now) {
        return withRolesAndSites(jdbc.sql(SELECT + " WHERE organisation_id = ? ORDER BY username").param(organisationId)
                .query((rs, i) -> row(rs)).list(), now);
    }

    public Optional<Stored> byId(long id, Instant now) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, i) -> row(rs)).optional()
                .map(r -> stored(r, now));
    }

    public Optional<Stored> byUsername(String username, Instant now) {
        return jdbc.sql(SELECT + " WHERE username = ?").param(username).query((rs, i) -> row(rs)).optional()
                .map(r -> stored(r, now));
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM user_accounts WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    public long insert(String username, String displayName, Long organisationId, Long programmeId, String language,
                       String passwordHash, boolean passwordChangeRequired, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO user_accounts (username, display_name, password_hash, organisation_id, programme_id,
                                                   language, active, failed_logins, password_change_required, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, TRUE, 0, ?, ?, ?)""")
                .params(username, displayName, passwordHash, organisationId, programmeId, language, passwordChangeRequired,
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String displayName, Long organisationId, Long programmeId, String language, Instant now) {
        jdbc.sql("""
                        UPDATE user_accounts SET display_name = ?, organisation_id = ?, programme_id = ?, language = ?,
                                                 updated_at = ?
                        WHERE id = ?""")
                .params(displayName, organisationId, programmeId, language, Timestamp.from(now), id).update();
    }

    /**
     * The one place that grants roles, so it is where the separation of duties is checked a last time:
     * an administrator never holds a role that reads client-level data.
     */
    public void replaceRoles(long id, Set<Role> roles) {
        if (roles.contains(Role.ADMIN) && roles.stream().anyMatch(Role.ORGANISATION_STAFF::contains)) {
            throw new IllegalStateException("An administrator may not hold a client-level role: " + roles);
        }
        jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
    }

    public void replaceSites(long id, Set<Long> siteIds) {
        jdbc.sql("DELETE FROM user_sites WHERE user_id = ?").param(id).update();
        for (Long site : siteIds) {
            jdbc.sql("INSERT INTO user_sites (user_id, site_id) VALUES (?, ?)").params(id, site).update();
        }
    }

    public void setLanguage(long id, String language, Instant now) {
        jdbc.sql("UPDATE user_accounts SET language = ?, updated_at = ? WHERE id = ?")
                .params(language, Timestamp.from(now), id).update();
    }

    public void setActive(long id, boolean active, Instant now) {
        jdbc.sql("UPDATE user_accounts SET active = ?, updated_at = ? WHERE id = ?").params(active, Timestamp.from(now), id)
                .update();
    }

    public void setPassword(long id, String passwordHash, boolean changeRequired, Instant now) {
        jdbc.sql("""
                        UPDATE user_accounts SET password_hash = ?, password_change_required = ?, failed_logins = 0,
                                                 locked_until = NULL, updated_at = ?
                        WHERE id = ?""")
                .params(passwordHash, changeRequired, Timestamp.from(now), id).update();
    }

    /** Ends every session of this account that signed in before now: they are sent back to the sign-in page. */
    public void endSessions(long id, Instant now) {
        jdbc.sql("UPDATE user_accounts SET sessions_valid_from = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    /** Sessions signed in before this instant are no longer valid; empty when none were ended. */
    public Optional<Instant> sessionsValidFrom(long id) {
        return jdbc.sql("SELECT sessions_valid_from FROM user_accounts WHERE id = ?").param(id)
                .query((rs, i) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional()
                .flatMap(value -> value);
    }

    public boolean organisationHasAccounts(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_accounts WHERE organisation_id = ?").param(organisationId)
                .query(Long.class).single() > 0;
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.sql("UPDATE user_accounts SET failed_logins = 0, locked_until = NULL WHERE username = ?").param(username).update();
    }

    public void unlock(long id, Instant now) {
        jdbc.sql("UPDATE user_accounts SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    public Map<Long, String> displayNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, display_name FROM user_accounts WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    public boolean isMemberOf(long id, long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_accounts WHERE id = ? AND organisation_id = ?")
                .params(id, organisationId).query(Long.class).single() > 0;
    }

    /**
     * Active accounts holding one of {@code organisationRoles} in one of the organisations, or one of
     * {@code programmeRoles} in the programme, each once, by display name.
     */
    public List<StaffMember> active(Collection<Long> organisationIds, Set<Role> organisationRoles, Long programmeId,
                                    Set<Role> programmeRoles) {
        List<String> either = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!organisationIds.isEmpty() && !organisationRoles.isEmpty()) {
            either.add("(u.organisation_id IN (:orgs) AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id "
                    + "AND r.role IN (:orgRoles)))");
            params.put("orgs", organisationIds);
            params.put("orgRoles", organisationRoles.stream().map(Role::name).toList());
        }
        if (programmeId != null && !programmeRoles.isEmpty()) {
            either.add("(u.programme_id = :programme AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id "
                    + "AND r.role IN (:programmeRoles)))");
            params.put("programme", programmeId);
            params.put("programmeRoles", programmeRoles.stream().map(Role::name).toList());
        }
        if (either.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT u.id, u.display_name, u.organisation_id FROM user_accounts u WHERE u.active = TRUE AND ("
                        + String.join(" OR ", either) + ") ORDER BY u.display_name")
                .params(params).query((rs, i) -> new StaffMember(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, Long.class))).list();
    }

    private record Row(long id, String username, String displayName, Long organisationId, Long programmeId,
                       String language, boolean active, Instant lockedUntil, boolean passwordChangeRequired,
                       String passwordHash, int failedLogins) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("organisation_id", Long.class), rs.getObject("programme_id", Long.class),
                rs.getString("language"), rs.getBoolean("active"), locked == null ? null : locked.toInstant(),
                rs.getBoolean("password_change_required"), rs.getString("password_hash"), rs.getInt("failed_logins"));
    }

    private Stored stored(Row row, Instant now) {
        return new Stored(withRolesAndSites(List.of(row), now).get(0), row.passwordHash(), row.failedLogins(), row.lockedUntil());
    }

    private List<UserAccount> withRolesAndSites(List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        Map<Long, Set<Long>> sites = new HashMap<>();
        String ids = String.join(",", rows.stream().map(r -> String.valueOf(r.id())).toList());
        jdbc.sql("SELECT user_id, role FROM user_roles WHERE user_id IN (" + ids + ")")
                .query((rs, i) -> roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2)))).list();
        jdbc.sql("SELECT user_id, site_id FROM user_sites WHERE user_id IN (" + ids + ")")
                .query((rs, i) -> sites.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
        return rows.stream().map(r -> new UserAccount(r.id(), r.username(), r.displayName(), r.organisationId(),
                r.programmeId(), roles.getOrDefault(r.id(), Set.of()), sites.getOrDefault(r.id(), Set.of()), r.language(),
                r.active(), r.lockedUntil() != null && r.lockedUntil().isAfter(now), r.passwordChangeRequired())).toList();
    }
}
