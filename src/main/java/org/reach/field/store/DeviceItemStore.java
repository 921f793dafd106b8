package org.reach.field.store;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per device, per delta item: the hash the device confirmed and the one it was last given. */
@Repository
public class DeviceItemStore {

    public record Sent(String ackedHash, String pendingHash) {
    }

    private final JdbcClient jdbc;

    DeviceItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Sent> ofDevice(long deviceId) {
        Map<String, Sent> sent = new HashMap<>();
        jdbc.sql("SELECT item_key, acked_hash, pending_hash FROM field_device_items WHERE device_id = ?").param(deviceId)
                .query(rs -> {
                    sent.put(rs.getString("item_key"), new Sent(rs.getString("acked_hash"), rs.getString("pending_hash")));
                });
        return sent;
    }

    public void given(long deviceId, String key, String hash) {
        int updated = jdbc.sql("UPDATE field_device_items SET pending_hash = ? WHERE device_id = ? AND item_key = ?")
                .params(hash, deviceId, key).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO field_device_items (device_id, item_key, pending_hash) VALUES (?, ?, ?)")
                    .params(deviceId, key, hash).update();
        }
    }

    public void confirmed(long deviceId, String key, String hash) {
        jdbc.sql("UPDATE field_device_items SET acked_hash = ?, pending_hash = NULL WHERE device_id = ? AND item_key = ?")
                .params(hash, deviceId, key).update();
    }

    public void forget(long deviceId, String key) {
        jdbc.sql("DELETE FROM field_device_items WHERE device_id = ? AND item_key = ?").params(deviceId, key).update();
    }
}
