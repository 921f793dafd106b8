package org.reach.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.CountingNote;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.reach.linkage.store.LinkageStore;
import org.reach.linkage.store.LinkageStore.Member;
import org.reach.organisations.OrganisationDirectory;
import org.reach.services.ServiceFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linkage's counts, through the indicator engine and its joint small-cell suppression: people served by two or more
 * organisations of the programme, those of them whose organisations enrolled them in different cities (a move), and
 * people reached counted once across organisations. Each linked person is one row, at the member registered first
 * (smallest client id), so a programme total counts each person once however many organisations know them. A link
 * counts from the day it was found.
 * <p>
 * People reached counted once: the clients the built-in "people reached" counts (an encounter in the period), where
 * the members of one linked group count as one person, in the categories of the group's earliest-registered member
 * who was reached. Groups are those of the latest linkage run and of registrations since, known now (also for past
 * periods, unlike the two counts of linked people, which count a link from the day it was found).
 */
@Component
class LinkageFacts implements IndicatorFacts {

    static final String LINKED_PEOPLE = "LINKED_PEOPLE";
    static final String LINKED_MOVED_CITY = "LINKED_MOVED_CITY";
    static final String REACHED_ONCE = "REACHED_ONCE";

    private final LinkageStore store;
    private final ServiceFacts services;
    private final OrganisationDirectory directory;

    LinkageFacts(LinkageStore store, ServiceFacts services, OrganisationDirectory directory) {
        this.store = store;
        this.services = services;
        this.directory = directory;
    }

    @Override
    public List<String> measures() {
        return List.of(LINKED_PEOPLE, LINKED_MOVED_CITY, REACHED_ONCE);
    }

    @Override
    public List<ContributedIndicator> indicators() {
        String source = "Reach record linkage (docs/linkage.md): Bloom-filter encodings compared by Dice across the "
                + "programme's organisations";
        return List.of(
                new ContributedIndicator("LINKED_ACROSS_ORGANISATIONS",
                        "People served by two or more organisations of the programme (linked records), each counted once",
                        "", IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SEX), source,
                        LINKED_PEOPLE, null, 310),
                new ContributedIndicator("LINKED_MOVED_CITY",
                        "Linked people enrolled in different cities by different organisations (moves between cities)",
                        "", IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SEX), source,
                        LINKED_MOVED_CITY, null, 320),
                new ContributedIndicator("REACHED_ONCE",
                        "People reached in the period, a person served by several organisations counted once "
                                + "(linked records of the latest linkage run)",
                        "", IndicatorUnit.COUNT, "ANY", List.of(Disaggregation.NONE, Disaggregation.SEX,
                        Disaggregation.AGE_25), source, REACHED_ONCE, null, 305));
    }

    @Override
    @Transactional
    public List<FactRow> load(FactQuery query) {
        Set<Long> organisations = new HashSet<>(query.organisationIds());
        Map<Long, List<Member>> groups = new LinkedHashMap<>();
        // Counting once uses every link known now, also for past periods: a person is one person whenever we learnt it.
        Map<Long, Long> groupOf = new HashMap<>();
        for (Member member : store.groupsOf(query.organisationIds())) {
            groupOf.put(member.clientId(), member.groupId());
            if (query.end() != null && member.foundAt().atZone(ZoneOffset.UTC).toLocalDate().isAfter(query.end())) {
                continue; // not yet linked at the end of the period: not counted as served by two organisations
            }
            groups.computeIfAbsent(member.groupId(), g -> new ArrayList<>()).add(member);
        }
        Map<Long, long[]> values = new LinkedHashMap<>();
        Map<Long, Long> organisationOf = new HashMap<>();
        for (List<Member> group : groups.values()) {
            Member first = group.stream().min(Comparator.comparingLong(Member::clientId)).orElseThrow();
            long organisationsInGroup = group.stream().map(Member::organisationId).distinct().count();
            if (!organisations.contains(first.organisationId()) || organisationsInGroup < 2) {
                continue;
            }
            long cities = group.stream().map(Member::enrolmentCity).filter(Objects::nonNull)
                    .map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().count();
            long[] row = values.computeIfAbsent(first.clientId(), id -> new long[3]);
            row[0] = 1;
            row[1] = cities > 1 ? 1 : 0;
            organisationOf.put(first.clientId(), first.organisationId());
        }
        for (Map.Entry<Long, Long> reached : reachedOnce(query, groupOf).entrySet()) {
            values.computeIfAbsent(reached.getKey(), id -> new long[3])[2] = 1;
            organisationOf.put(reached.getKey(), reached.getValue());
        }
        List<FactRow> rows = new ArrayList<>();
        values.forEach((client, row) -> {
            if (query.wants(client)) {
                rows.add(FactRow.ofClient(client, organisationOf.get(client), row));
            }
        });
        return rows;
    }

    /**
     * The clients that stand for a reached person, with their organisation: every reached client outside a linked
     * group, and of each group the earliest-registered (smallest id) reached member.
     */
    private Map<Long, Long> reachedOnce(FactQuery query, Map<Long, Long> groupOf) {
        Map<Long, Long> representative = new HashMap<>();
        if (query.start() == null || query.end() == null || query.anonymousOnly()) {
            return representative;
        }
        Map<Long, Long> organisationOf = new HashMap<>();
        for (Long organisation : query.organisationIds()) {
            services.contacts(new ServiceFacts.Scope(List.of(organisation), query.siteId(), null, false),
                    query.start(), query.start(), query.end(), contact -> {
                        if (contact.monthsInPeriod() > 0) {
                            organisationOf.put(contact.clientId(), organisation);
                        }
                    });
        }
        Map<Long, Long> byGroup = new HashMap<>();
        organisationOf.forEach((client, organisation) -> {
            Long group = groupOf.get(client);
            if (group == null) {
                representative.put(client, organisation);
            } else {
                byGroup.merge(group, client, Math::min);
            }
        });
        byGroup.values().forEach(client -> representative.put(client, organisationOf.get(client)));
        return representative;
    }

    @Override
    public List<CountingNote> countingNotes(List<Long> organisationIds) {
        if (organisationIds.size() < 2) {
            return List.of();
        }
        Set<Long> programmes = new HashSet<>(directory.programmesOf(organisationIds).values());
        List<CountingNote> notes = new ArrayList<>();
        for (Long programme : programmes) {
            List<LinkageStore.Run> runs = store.runs(programme, 1);
            if (runs.isEmpty()) {
                notes.add(new CountingNote("linkage.counting.noRun", List.of()));
            } else {
                notes.add(new CountingNote("linkage.counting.run", List.of(runs.get(0).id(),
                        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                                runs.get(0).finishedAt().atZone(ZoneOffset.UTC)))));
            }
        }
        return notes;
    }
}
