package org.reach.clients;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.platform.ReachUser;

/**
 * What other capabilities may ask of the client registry. Every call is scoped to the actor's own
 * organisation and recorded in the audit log as a read of client-level data.
 */
public interface Clients {

    /** One client of the actor's organisation; not found when it belongs to another organisation. */
    Client client(ReachUser actor, long clientId);

    /** The client with exactly this code in the actor's organisation, if any. */
    Optional<Client> findByUic(ReachUser actor, String uic);

    /**
     * Several clients of the actor's organisation at once, recorded as one read. Ids of clients that do not
     * exist or belong to another organisation are simply absent from the answer.
     */
    Map<Long, Client> clients(ReachUser actor, Collection<Long> clientIds);

    /**
     * The codes of these clients by id, in one look-up and one audit entry. Ids of clients of another
     * organisation, or of no client at all, are simply absent from the answer.
     */
    Map<Long, String> codes(ReachUser actor, Collection<Long> clientIds);

    /**
     * Per enrolment hotspot (normalised: case, accents and spaces ignored), how many distinct clients of the
     * organisation were contacted between these dates (inclusive), by subgroup. Counts only, never clients.
     * The registry keeps each client's first and last contact, so a client counts when that span overlaps the
     * period. Allowed to the organisation's staff, coordinators of its programme and administrators; others
     * are refused. Recorded as one read.
     */
    List<HotspotReach> reachByHotspot(ReachUser actor, long organisationId, LocalDate from, LocalDate to);

    /**
     * Every client of one organisation, for record linkage run on the server by the organisation's staff or a
     * coordinator of its programme: the caller derives what it compares from the stored code, sex and birth year
     * and shows no client-level data to a coordinator. Recorded as one read covering all of them.
     */
    List<Client> clientsForLinkage(ReachUser actor, long organisationId);

    /**
     * Each organisation's status rule (active, defaulter, lost to follow-up), so whoever counts clients as active or
     * lost counts them exactly as the client list shows them. Settings only, no client data.
     */
    Map<Long, ClientSettings> statusRules(Collection<Long> organisationIds);

    /**
     * Contacts with clients of one organisation that the actor recorded (encounters, completed referrals): the
     * clients' first and last contact dates move, and with them their status. Recorded in the audit log as a write
     * by the actor, who is named here rather than read from the running thread, since imports run in the background.
     */
    void recordContacts(ReachUser actor, long organisationId, List<ClientContacted> contacts);

    /**
     * Why a code typed for a client of the actor's organisation found nobody, as a message key for the field it was
     * typed in: {@code client.error.checkCharacter} when it is a well-formed new code whose last character does not
     * match the rest (one character was mistyped, which the person typing can put right), else {@code otherwise}.
     * Reads the organisation's code scheme only, no client.
     */
    String whyNoClientHasCode(ReachUser actor, String code, String otherwise);

    /** The organisation's staff who may be named as peer educators (outreach workers and site managers), by name. */
    List<PeerEducator> peerEducators(ReachUser actor);

    /**
     * A client of the actor's organisation died on this day: the status becomes deceased with that date (the status
     * rule stays here), or the date of a recorded death is corrected. Refused for a date in the future or before the
     * first contact. Recorded in the audit log as a write by the actor.
     */
    Client recordDeath(ReachUser actor, long clientId, LocalDate date, String reason);

    /**
     * Ends a recorded status (a detention at release): the client comes back under the contact rule from that day,
     * and the change is recorded with its reason and audited as the actor's write. A client who no longer holds that
     * status is left as they are. Only {@code DETAINED}, {@code TRANSFERRED} and {@code EXITED} can be ended.
     */
    Client endRecordedStatus(ReachUser actor, long clientId, ClientStatus status, LocalDate date, String reason);
}
