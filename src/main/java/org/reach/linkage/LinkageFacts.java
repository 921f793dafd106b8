package org.reach.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.reach.indicators.ContributedIndicator;
import org.reach.indicators.Disaggregation;
import org.reach.indicators.FactQuery;
import org.reach.indicators.FactRow;
import org.reach.indicators.IndicatorFacts;
import org.reach.indicators.IndicatorUnit;
import org.reach.linkage.store.LinkageStore;
import org.reach.linkage.store.LinkageStore.Member;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linkage's counts, through the indicator engine and its joint small-cell suppression: people served by two or more
 * organisations of the programme, and those of them whose organisations enrolled them in different cities (a move).
 * Each linked person is one row, at the member registered first (smallest client id), so a programme total counts
 * each person once however many organisations know them. A link counts from the day it was found.
 */
@Component
class LinkageFacts implements IndicatorFacts {

    static final String LINKED_PEOPLE = "LINKED_PEOPLE";
    static final String LINKED_MOVED_CITY = "LINKED_MOVED_CITY";

    private final LinkageStore store;

    LinkageFacts(LinkageStore store) {
        this.store = store;
    }

    @Override
    public List<String> measures() {
        return List.of(LINKED_PEOPLE, LINKED_MOVED_CITY);
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
                        LINKED_MOVED_CITY, null, 320));
    }

    @Override
    @Transactional
    public List<FactRow> load(FactQuery query) {
        Set<Long> organisations = new HashSet<>(query.organisationIds());
        Map<Long, List<Member>> groups = new LinkedHashMap<>();
        for (Member member : store.groupsOf(query.organisationIds())) {
            groups.computeIfAbsent(member.groupId(), g -> new ArrayList<>()).add(member);
        }
        List<FactRow> rows = new ArrayList<>();
        for (List<Member> group : groups.values()) {
            Member first = group.stream().min(Comparator.comparingLong(Member::clientId)).orElseThrow();
            boolean found = group.stream().allMatch(m -> query.end() == null
                    || !m.foundAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(query.end()));
            long organisationsInGroup = group.stream().map(Member::organisationId).distinct().count();
            if (!organisations.contains(first.organisationId()) || !query.wants(first.clientId()) || !found
                    || organisationsInGroup < 2) {
                continue;
            }
            long cities = group.stream().map(Member::enrolmentCity).filter(Objects::nonNull)
                    .map(c -> c.strip().toLowerCase(java.util.Locale.ROOT)).distinct().count();
            rows.add(FactRow.ofClient(first.clientId(), first.organisationId(), 1, cities > 1 ? 1 : 0));
        }
        return rows;
    }
}
