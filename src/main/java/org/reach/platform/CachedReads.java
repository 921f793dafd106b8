package org.reach.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small read-through cache for reference data every request needs (an organisation's service catalogue, its
 * sites), owned by the store that writes that data. The owner drops a key whenever it writes it; the drop is repeated
 * after the writing transaction commits, so that a reader who loaded the old rows while the write was uncommitted
 * does not keep them. Entries also expire after a short time, for writes made by another instance of Reach.
 * A load that overlaps a drop of its key is answered but not kept.
 */
public final class CachedReads<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final long maxAgeNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong everything = new AtomicLong();

    public CachedReads(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The cached value, or what {@code load} answers (kept unless the key was dropped meanwhile). */
    public V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < maxAgeNanos) {
            return entry.value();
        }
        long generation = generation(key).get();
        long all = everything.get();
        V value = load.apply(key);
        if (generation(key).get() == generation && everything.get() == all && !writtenInThisTransaction()) {
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    /** Drops the key now and again when the current transaction (if any) has committed or rolled back. */
    public void drop(K key) {
        dropNow(key);
        afterTransaction(() -> dropNow(key));
    }

    /** Drops every key, now and after the current transaction. */
    public void dropAll() {
        dropEverythingNow();
        afterTransaction(this::dropEverythingNow);
    }

    private void dropEverythingNow() {
        everything.incrementAndGet();
        entries.clear();
    }

    private void afterTransaction(Runnable again) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (!TransactionSynchronizationManager.hasResource(this)) {
                TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CachedReads.this);
                    again.run();
                }
            });
        }
    }

    private void dropNow(K key) {
        generation(key).incrementAndGet();
        entries.remove(key);
    }

    private AtomicLong generation(K key) {
        return generations.computeIfAbsent(key, k -> new AtomicLong());
    }

    /** A transaction that wrote cached data sees its own uncommitted rows: what it loads is not kept for others. */
    private boolean writtenInThisTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.hasResource(this);
    }
}
