package org.reach.outreach;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.reach.outreach.store.SessionStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commodities handed out at outreach sessions, for those who keep figures and plan supplies: one row per session,
 * naming no person. A known client's own encounter is counted by the services capability, not here.
 */
@Service
@Transactional(readOnly = true)
public class SessionCommodities {

    /** What one session handed out, where and when. */
    public record Given(long organisationId, Long siteId, String hotspot, LocalDate date, int needlesSyringes,
                       int naloxone, int foilPipes) {
    }

    private final SessionStore sessions;

    SessionCommodities(SessionStore sessions) {
        this.sessions = sessions;
    }

    /** Sessions of these organisations (optionally one site) from {@code from} to {@code to}, both included. */
    public List<Given> between(Collection<Long> organisationIds, Long siteId, LocalDate from, LocalDate to) {
        return sessions.between(organisationIds, siteId, from, to).stream()
                .map(s -> new Given(s.organisationId(), s.siteId(), s.hotspotName(), s.date(), s.needlesSyringes(),
                        s.naloxone(), s.foilPipes()))
                .toList();
    }
}
