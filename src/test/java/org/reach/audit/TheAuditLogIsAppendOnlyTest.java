package org.reach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database itself refuses to change or remove audit events, whoever asks (H2 and PostgreSQL). */
@SpringBootTest
@AutoConfigureMockMvc
class TheAuditLogIsAppendOnlyTest {

    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void anUpdateOrDeleteOfAnAuditEventFailsAndLeavesItAsItWas() {
        String marker = "append-only " + UUID.randomUUID();
        jdbc.sql("INSERT INTO audit_events (occurred_at, actor_username, action, entity_type, entity_id, detail, remote_address)"
                        + " VALUES (?, 'someone', 'READ', 'client', '1', ?, '127.0.0.1')")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), marker).update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_events SET actor_username = 'nobody' WHERE detail = ?")
                .param(marker).update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events WHERE detail = ?").param(marker).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        assertThat(jdbc.sql("SELECT actor_username FROM audit_events WHERE detail = ?").param(marker).query(String.class).list())
                .containsExactly("someone");
    }

    @Test
    void theClientsAnEntryNamesCannotBeChangedOrRemovedEither() {
        String marker = "append-only clients " + UUID.randomUUID();
        jdbc.sql("INSERT INTO audit_events (occurred_at, actor_username, action, entity_type, entity_id, detail, remote_address)"
                        + " VALUES (?, 'someone', 'READ', 'client', '1', ?, '127.0.0.1')")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), marker).update();
        long event = jdbc.sql("SELECT id FROM audit_events WHERE detail = ?").param(marker).query(Long.class).single();
        jdbc.sql("INSERT INTO audit_event_clients (client_id, event_id) VALUES (?, ?)").params(987654321L, event).update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event_clients SET client_id = 1 WHERE event_id = ?")
                .param(event).update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event_clients WHERE event_id = ?").param(event).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT client_id FROM audit_event_clients WHERE event_id = ?").param(event)
                .query(Long.class).list()).containsExactly(987654321L);
    }
}
