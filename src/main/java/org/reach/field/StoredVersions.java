package org.reach.field;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.reach.clients.ClientRegistry;
import org.reach.earlywarning.DrugReport;
import org.reach.earlywarning.EarlyWarning;
import org.reach.outreach.OutreachSession;
import org.reach.outreach.OutreachSessions;
import org.reach.platform.ReachUser;
import org.reach.safety.OverdoseReport;
import org.reach.safety.Overdoses;
import org.reach.services.Encounter;
import org.reach.services.Encounters;
import org.reach.services.Referral;
import org.reach.services.Referrals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored record a conflict clashed with, fetched through the capability that owns it and put into the shape the
 * phone sent (the same field names, client codes instead of ids), so that a supervisor sees both field by field. Every
 * read goes through the owner's facade and is audited there.
 */
@Service
@Transactional // not read-only: the owners audit the reads
public class StoredVersions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Encounters encounters;
    private final OutreachSessions sessions;
    private final Overdoses overdoses;
    private final EarlyWarning earlyWarning;
    private final Referrals referrals;
    private final ClientRegistry clients;

    StoredVersions(Encounters encounters, OutreachSessions sessions, Overdoses overdoses, EarlyWarning earlyWarning,
                   Referrals referrals, ClientRegistry clients) {
        this.encounters = encounters;
        this.sessions = sessions;
        this.overdoses = overdoses;
        this.earlyWarning = earlyWarning;
        this.referrals = referrals;
        this.clients = clients;
    }

    /** One field of the comparison: the stored value and the phone's (either may be null) and whether they differ. */
    public record Line(String field, String stored, String phone, boolean differs) {
    }

    /** Both versions field by field; {@code storedFound} is false when no stored record under the uuid is visible. */
    public record Comparison(boolean storedFound, List<Line> lines) {
    }

    public Comparison compare(ReachUser actor, FieldConflict conflict) {
        Optional<Map<String, Object>> stored = stored(actor, conflict.kind(), conflict.uuid());
        Map<String, String> phone = new TreeMap<>();
        flatten("", JSON.readTree(conflict.phoneVersion()), phone);
        Map<String, String> kept = new TreeMap<>();
        stored.ifPresent(record -> flatten("", JSON.valueToTree(record), kept));
        List<Line> lines = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(phone.keySet());
        fields.addAll(kept.keySet());
        for (String field : fields) {
            String s = kept.get(field);
            String p = phone.get(field);
            lines.add(new Line(field, s, p, stored.isPresent() && !same(field, s, p)));
        }
        return new Comparison(stored.isPresent(), lines);
    }

    private Optional<Map<String, Object>> stored(ReachUser actor, ConflictKind kind, String uuid) {
        return switch (kind) {
            case ENCOUNTER -> encounters.byUuid(actor, uuid).map(e -> encounter(actor, e));
            case OUTREACH_SESSION -> sessions.byUuid(actor, uuid).map(s -> session(actor, s));
            case OVERDOSE -> overdoses.byUuid(actor, uuid).map(o -> overdose(actor, o));
            case DRUG_REPORT -> earlyWarning.reportByUuid(actor, uuid).map(StoredVersions::drugReport);
            case REFERRAL -> referrals.byUuid(actor, uuid).map(r -> referral(actor, r));
        };
    }

    // ---- each kind as the field app sends it (static/js/field.js, build())

    private Map<String, Object> encounter(ReachUser actor, Encounter e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", e.uuid());
        m.put("date", text(e.date()));
        m.put("siteId", e.siteId());
        m.put("clientUic", e.clientId() == null ? null : code(actor, e.clientId()));
        m.put("anonymous", e.anonymous());
        m.put("services", e.services().stream().map(s -> Map.of("code", s.code(), "quantity", s.quantity())).toList());
        return m;
    }

    private Map<String, Object> session(ReachUser actor, OutreachSession s) {
        Map<Long, String> codes = sessions.clientCodes(actor, List.of(s));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", s.uuid());
        m.put("siteId", s.siteId());
        m.put("hotspotId", s.hotspotId());
        m.put("date", text(s.date()));
        m.put("start", text(s.start()));
        m.put("end", text(s.end()));
        m.put("contacts", s.contacts().stream().map(c -> Map.of("sex", c.sex().name(), "ageBand", c.ageBand().name(),
                "people", c.people())).toList());
        m.put("knownClients", s.served().stream().map(served -> {
            Map<String, Object> known = new LinkedHashMap<>();
            known.put("clientCode", codes.get(served.clientId()));
            known.put("services", encounters.encounter(actor, served.encounterId()).services().stream()
                    .map(g -> Map.of("code", g.code(), "quantity", g.quantity())).toList());
            return known;
        }).toList());
        m.put("needlesSyringes", s.needlesSyringes());
        m.put("condoms", s.condoms());
        m.put("naloxone", s.naloxone());
        m.put("referrals", s.referrals());
        m.put("formVersion", s.formVersion());
        return m;
    }

    private Map<String, Object> overdose(ReachUser actor, OverdoseReport o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", o.uuid());
        m.put("occurredAt", text(o.occurredAt()));
        m.put("siteId", o.siteId());
        m.put("clientCode", o.clientId() == null ? null : overdoses.clientCodes(actor, List.of(o.clientId()))
                .get(o.clientId()));
        m.put("naloxoneDoses", o.naloxoneDoses());
        m.put("outcome", o.outcome() == null ? null : o.outcome().name());
        return m;
    }

    private static Map<String, Object> drugReport(DrugReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", r.uuid());
        m.put("reportedOn", text(r.reportedOn()));
        m.put("siteId", r.siteId());
        m.put("hotspotId", r.hotspotId());
        m.put("soldAsId", r.soldAsId());
        m.put("form", r.form() == null ? null : r.form().name());
        m.put("route", r.route() == null ? null : r.route().name());
        m.put("pricePerUnit", r.pricePerUnit() == null ? null : r.pricePerUnit().stripTrailingZeros().toPlainString());
        m.put("effect", r.effect() == null ? null : r.effect().name());
        m.put("source", r.source() == null ? null : r.source().name());
        return m;
    }

    private Map<String, Object> referral(ReachUser actor, Referral r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", r.uuid());
        m.put("clientUic", code(actor, r.clientId()));
        m.put("providerType", r.providerType().name());
        m.put("providerName", r.providerName());
        m.put("internalSiteId", r.internalSiteId());
        m.put("madeOn", text(r.madeOn()));
        return m;
    }

    private String code(ReachUser actor, long clientId) {
        return clients.codes(actor, List.of(clientId)).get(clientId);
    }

    /** Dates and times as the phone's form fields write them (a time without seconds when they are zero). */
    private static String text(Object temporal) {
        return temporal == null ? null : temporal.toString();
    }

    // ---- flattening and comparing

    /**
     * Field and value lines. A list of things named by a code (services, known clients, contacts by sex and age band)
     * is keyed by that name rather than its position, so that the same items in another order are the same.
     */
    static void flatten(String path, JsonNode node, Map<String, String> lines) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(node.properties())) {
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), lines);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                flatten(path + "[" + name(item, i) + "]", item, lines);
            }
        } else {
            lines.put(path, node.asString());
        }
    }

    private static String name(JsonNode item, int index) {
        if (item.isObject()) {
            if (item.hasNonNull("code")) {
                return item.get("code").asString();
            }
            if (item.hasNonNull("clientCode")) {
                return item.get("clientCode").asString();
            }
            if (item.hasNonNull("sex") && item.hasNonNull("ageBand")) {
                return item.get("sex").asString() + " " + item.get("ageBand").asString();
            }
        }
        return String.valueOf(index);
    }

    private static boolean same(String field, String stored, String phone) {
        if (stored == null || phone == null) {
            return stored == null && phone == null;
        }
        if (stored.equals(phone)) {
            return true;
        }
        try {
            return new BigDecimal(stored).compareTo(new BigDecimal(phone)) == 0;
        } catch (NumberFormatException notNumbers) {
            // a code typed without its check character names the same client
            boolean code = field.endsWith("clientUic") || field.endsWith("clientCode");
            return code && stored.length() == phone.length() + 1 && stored.startsWith(phone.strip().toUpperCase());
        }
    }
}
