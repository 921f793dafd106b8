package org.reach.clients;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.reach.clients.store.ClientFactStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry summarised for those who keep figures (indicators and data-quality checks), read-only: one row per
 * client, handed to the caller as it is read, so a million clients are never collected twice. These rows are
 * client-level: the caller decides which organisations' figures it computes and lets only counts leave.
 */
@Service
@Transactional(readOnly = true)
public class RegistryFacts {

    /** Clients of these organisations, optionally enrolled at one site only, optionally some clients only (null: all). */
    public record Scope(List<Long> organisationIds, Long siteId, Collection<Long> clientIds) {

        public static Scope of(List<Long> organisationIds, Long siteId) {
            return new Scope(organisationIds, siteId, null);
        }
    }

    /** A client as registered, with key populations as names; enums as their names. */
    public record Enrolled(long id, long organisationId, String gender, Integer birthYear, String primaryDrug,
                           String route, long enrolmentSiteId, String enrolmentHotspot, LocalDate firstContact,
                           String explicitStatus, LocalDate explicitStatusDate, Set<String> keyPopulations) {
    }

    private final ClientFactStore store;

    RegistryFacts(ClientFactStore store) {
        this.store = store;
    }

    /** Every client of the scope first contacted by {@code end}. */
    public void enrolledBy(Scope scope, LocalDate end, Consumer<Enrolled> each) {
        store.enrolledBy(scope, end, each);
    }

    /** The clients of the scope who moved to a stage beyond harm reduction from {@code start} to {@code end}. */
    public void progressed(Scope scope, LocalDate start, LocalDate end, LongConsumer each) {
        store.progressed(scope, start, end, each);
    }
}
