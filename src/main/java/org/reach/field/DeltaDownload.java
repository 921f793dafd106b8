package org.reach.field;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.reach.audit.AuditTrail;
import org.reach.earlywarning.DrugForm;
import org.reach.earlywarning.DrugRoute;
import org.reach.earlywarning.EarlyWarning;
import org.reach.earlywarning.Substance;
import org.reach.earlywarning.UnusualEffect;
import org.reach.field.store.DeviceItemStore;
import org.reach.followup.DueReason;
import org.reach.followup.FollowUp;
import org.reach.followup.WorklistEntry;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.outreach.HotspotNeed;
import org.reach.outreach.Microplans;
import org.reach.outreach.PlanEntry;
import org.reach.platform.Forbidden;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServiceDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a peer's phone needs offline and nothing more: the peer's sites, the hotspots the plan gives them, the codes of
 * the clients they follow who are due (with the day since when), the service catalogue with its version, and the
 * substance list and codes of the drug-report form with theirs. Paged
 * and resumable: each item's hash is remembered per device as given, and as confirmed once the device comes back with
 * a cursor past it, so a lost answer is given again and a finished download gives next time only what changed.
 */
@Service
@Transactional // not read-only: what was given is remembered and the client-level read is audited
public class DeltaDownload {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;
    private static final String REMOVED = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FieldDevices devices;
    private final DeviceItemStore sent;
    private final OrganisationDirectory directory;
    private final Microplans microplans;
    private final FollowUp followUp;
    private final ServiceCatalogue catalogue;
    private final EarlyWarning earlyWarning;
    private final AuditTrail audit;

    DeltaDownload(FieldDevices devices, DeviceItemStore sent, OrganisationDirectory directory, Microplans microplans,
                  FollowUp followUp, ServiceCatalogue catalogue, EarlyWarning earlyWarning, AuditTrail audit) {
        this.devices = devices;
        this.sent = sent;
        this.directory = directory;
        this.microplans = microplans;
        this.followUp = followUp;
        this.catalogue = catalogue;
        this.earlyWarning = earlyWarning;
        this.audit = audit;
    }

    /** A cursor: the last key given and whether that page ended a download. */
    record Cursor(String lastKey, boolean finished) {

        static Cursor parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
                if (text.length() > 130 || !(text.startsWith("p|") || text.startsWith("d|"))) {
                    throw new IllegalArgumentException(text);
                }
                return new Cursor(text.substring(2), text.startsWith("d|"));
            } catch (IllegalArgumentException e) {
                throw org.reach.platform.InvalidInput.of("cursor", "fieldapp.error.cursor");
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(((finished ? "d|" : "p|") + lastKey).getBytes(StandardCharsets.UTF_8));
        }
    }

    public DeltaPage page(ReachUser actor, Object credential, String rawCursor, Integer requestedSize) {
        FieldDevice device = devices.device(actor, credential)
                .orElseThrow(() -> new Forbidden("download field data without an enrolled device"));
        int size = requestedSize == null ? DEFAULT_SIZE : requestedSize;
        new Problems().check(size >= 1 && size <= MAX_SIZE, "size", "fieldapp.error.size", MAX_SIZE).throwIfAny();
        Cursor cursor = Cursor.parse(rawCursor);

        Map<String, DeviceItemStore.Sent> given = sent.ofDevice(device.id());
        if (cursor != null) {
            confirm(device.id(), given, cursor.lastKey());
            given = sent.ofDevice(device.id());
        }
        Map<String, DeltaItem> snapshot = snapshot(actor);
        Map<String, String> hashes = new TreeMap<>();
        snapshot.forEach((key, item) -> hashes.put(key, FieldDevices.hash(JSON.writeValueAsString(item))));

        List<DeltaItem> changed = new ArrayList<>();
        Map<String, String> changedHashes = new TreeMap<>();
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            DeviceItemStore.Sent known = given.get(e.getKey());
            if (known == null || !e.getValue().equals(known.ackedHash())) {
                changed.add(snapshot.get(e.getKey()));
                changedHashes.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, DeviceItemStore.Sent> e : given.entrySet()) {
            if (!snapshot.containsKey(e.getKey()) && e.getValue().ackedHash() != null
                    && !REMOVED.equals(e.getValue().ackedHash())) {
                changed.add(new DeltaItem(e.getKey(), e.getKey().substring(0, e.getKey().indexOf(':')), null));
                changedHashes.put(e.getKey(), REMOVED);
            }
        }
        changed.sort(Comparator.comparing(DeltaItem::key));
        String after = cursor == null || cursor.finished() ? null : cursor.lastKey();
        List<DeltaItem> rest = changed.stream().filter(i -> after == null || i.key().compareTo(after) > 0).toList();
        List<DeltaItem> page = rest.subList(0, Math.min(size, rest.size()));
        for (DeltaItem item : page) {
            sent.given(device.id(), item.key(), changedHashes.get(item.key()));
        }
        boolean more = rest.size() > page.size();
        String lastKey = page.isEmpty() ? (after == null ? "" : after) : page.get(page.size() - 1).key();
        List<Long> clientIds = page.stream().filter(i -> "client".equals(i.kind()) && !i.removed())
                .map(i -> Long.parseLong(i.key().substring("client:".length()))).toList();
        audit.recordRead(actor, device.organisationId(), "field-delta", device.id(),
                "delta download to device " + device.id() + ": " + page.size() + " items", clientIds);
        String version = (String) snapshot.get("catalogue").data().get("version");
        return new DeltaPage(page, new Cursor(lastKey, !more).encode(), more, version);
    }

    /** Everything up to and including the cursor's key that was given is now kept on the phone. */
    private void confirm(long deviceId, Map<String, DeviceItemStore.Sent> given, String lastKey) {
        for (Map.Entry<String, DeviceItemStore.Sent> e : given.entrySet()) {
            String pending = e.getValue().pendingHash();
            if (pending != null && e.getKey().compareTo(lastKey) <= 0) {
                if (REMOVED.equals(pending)) {
                    sent.forget(deviceId, e.getKey());
                } else {
                    sent.confirmed(deviceId, e.getKey(), pending);
                }
            }
        }
    }

    private Map<String, DeltaItem> snapshot(ReachUser peer) {
        Map<String, DeltaItem> items = new TreeMap<>();
        List<Site> sites = directory.sites(peer, peer.organisationId()).stream()
                .filter(s -> peer.isAssignedTo(s.id())).toList();
        for (Site site : sites) {
            items.put("site:" + site.id(), item("site:" + site.id(), "site", "id", site.id(), "name", site.name(),
                    "type", site.type().name())); // the session form's setting defaults from it
        }
        if (microplans.mayRead(peer)) {
            Map<Long, List<PlanEntry>> mine = microplans.plan(peer).stream().filter(e -> e.peerId() == peer.id())
                    .collect(Collectors.groupingBy(PlanEntry::hotspotId));
            if (!mine.isEmpty()) {
                for (HotspotNeed need : microplans.needs(peer)) {
                    List<PlanEntry> entries = mine.get(need.hotspotId());
                    if (entries != null) {
                        String key = "hotspot:" + need.hotspotId();
                        items.put(key, item(key, "hotspot", "id", need.hotspotId(), "name", need.hotspot(),
                                "siteId", entries.get(0).siteId(), "weekdays", entries.stream()
                                        .map(e -> e.weekday().name()).sorted().distinct().toList()));
                    }
                }
            }
        }
        if (followUp.mayUseWorklist(peer)) {
            for (WorklistEntry entry : followUp.worklist(peer, null).entries()) {
                boolean own = Long.valueOf(peer.id()).equals(entry.peerId())
                        || Long.valueOf(peer.id()).equals(entry.client().peerEducatorId());
                if (own) {
                    String key = "client:" + entry.client().id();
                    LocalDate since = entry.reasons().stream().map(DueReason::since)
                            .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
                    items.put(key, item(key, "client", "code", entry.client().uic(), "dueSince",
                            since == null ? null : since.toString(), "reasons",
                            entry.reasons().stream().map(DueReason::code).distinct().sorted().toList()));
                }
            }
        }
        Set<String> lines = new java.util.TreeSet<>();
        for (ServiceDefinition service : catalogue.services(peer)) {
            String key = "service:" + service.code();
            DeltaItem item = item(key, "service", "code", service.code(), "category", service.category().name(),
                    "unit", service.unit().name(), "name", service.builtIn() ? null : service.name(),
                    "active", service.active(), "sortOrder", service.sortOrder());
            items.put(key, item);
            lines.add(JSON.writeValueAsString(item));
        }
        String version = FieldDevices.hash(String.join("\n", lines)).substring(0, 12);
        items.put("catalogue", item("catalogue", "catalogue", "version", version));
        if (earlyWarning.mayReport(peer)) {
            drugReportLists(items);
        }
        return items;
    }

    /**
     * What the drug-report form offers: the substance list with its ids (it only grows, so an id a phone kept is
     * accepted for ever) and the codes the report endpoint takes for form, route and unusual effect, under a version
     * of their own that queued reports carry.
     */
    private void drugReportLists(Map<String, DeltaItem> items) {
        Set<String> lines = new java.util.TreeSet<>();
        for (Substance substance : earlyWarning.substances()) {
            String key = "substance:" + substance.id();
            DeltaItem item = item(key, "substance", "id", substance.id(), "name", substance.name());
            items.put(key, item);
            lines.add(JSON.writeValueAsString(item));
        }
        DeltaItem codes = item("drugcodes", "drugcodes", "forms", names(DrugForm.values()),
                "routes", names(DrugRoute.values()), "effects", names(UnusualEffect.values()));
        lines.add(JSON.writeValueAsString(codes));
        codes.data().put("version", FieldDevices.hash(String.join("\n", lines)).substring(0, 12));
        items.put("drugcodes", codes);
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static DeltaItem item(String key, String kind, Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return new DeltaItem(key, kind, data);
    }
}
