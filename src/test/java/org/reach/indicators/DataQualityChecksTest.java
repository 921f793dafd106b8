package org.reach.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reach.indicators.DataQualityCheck.Kind;
import org.reach.indicators.store.Facts;
import org.reach.indicators.store.Facts.ClientFact;
import org.reach.indicators.store.Facts.EncounterFact;
import org.reach.indicators.store.Facts.ServiceFact;

/** The data-quality checks on a small set of facts built so that each check has a known answer. */
class DataQualityChecksTest {

    private static final Period Q2 = Period.quarter(2026, 2);
    private static final long ORG = 1;
    private static final long LYARI = 10;
    private static final long KORANGI = 20;

    @Test
    void eachCheckCountsWhatWasPlantedAndNothingElse() {
        Map<Long, ClientFact> clients = new LinkedHashMap<>();
        // 1: complete and seen; 2: never seen; 3: no birth year and no route; 4: born 2020 (age 6);
        // 5: first contact in June but an encounter in May
        clients.put(1L, client(1, 1990, "HEROIN", "INJECTING", LocalDate.of(2026, 1, 5)));
        clients.put(2L, client(2, 1985, "HEROIN", "SMOKING", LocalDate.of(2026, 3, 1)));
        clients.put(3L, client(3, null, "METHAMPHETAMINE", null, LocalDate.of(2026, 2, 1)));
        clients.put(4L, client(4, 2020, "HEROIN", "SMOKING", LocalDate.of(2026, 4, 1)));
        clients.put(5L, client(5, 1975, "HEROIN", "INJECTING", LocalDate.of(2026, 6, 10)));
        // a client first seen after the quarter is not expected to have an encounter yet
        clients.put(6L, client(6, 1999, "HEROIN", "INJECTING", LocalDate.of(2026, 8, 1)));

        List<EncounterFact> encounters = new ArrayList<>();
        List<ServiceFact> services = new ArrayList<>();
        long id = 100;
        encounters.add(new EncounterFact(++id, 1L, ORG, LYARI, LocalDate.of(2026, 4, 2)));
        services.add(new ServiceFact(id, 1L, ORG, LYARI, LocalDate.of(2026, 4, 2), "NEEDLES_SYRINGES", 600, null));
        encounters.add(new EncounterFact(++id, 1L, ORG, LYARI, LocalDate.of(2026, 5, 2)));
        services.add(new ServiceFact(id, 1L, ORG, LYARI, LocalDate.of(2026, 5, 2), "OAT_METHADONE", 40, null));
        encounters.add(new EncounterFact(++id, 3L, ORG, LYARI, LocalDate.of(2026, 5, 3)));
        encounters.add(new EncounterFact(++id, 4L, ORG, LYARI, LocalDate.of(2026, 5, 4)));
        encounters.add(new EncounterFact(++id, 5L, ORG, LYARI, LocalDate.of(2026, 5, 20)));
        // Korangi: 30 anonymous contacts in April, 10 in May (a drop of two thirds), 12 in June (from 10: no base)
        for (int i = 0; i < 30; i++) {
            encounters.add(new EncounterFact(++id, null, ORG, KORANGI, LocalDate.of(2026, 4, 1 + i % 28)));
        }
        for (int i = 0; i < 10; i++) {
            encounters.add(new EncounterFact(++id, null, ORG, KORANGI, LocalDate.of(2026, 5, 1 + i)));
        }
        for (int i = 0; i < 12; i++) {
            encounters.add(new EncounterFact(++id, null, ORG, KORANGI, LocalDate.of(2026, 6, 1 + i)));
        }
        Facts facts = new Facts(clients, services, encounters, seen(encounters),
                Map.of(LYARI, "Lyari DIC", KORANGI, "Korangi outreach"));

        Map<Kind, DataQualityChecks.Found> found = new LinkedHashMap<>();
        DataQualityChecks.run(facts, Q2).forEach(f -> found.put(f.kind(), f));

        // client 2 only (client 6 was first contacted after the quarter)
        assertThat(found.get(Kind.CLIENTS_WITHOUT_ENCOUNTER).count()).isEqualTo(1);
        // client 3 (birth year and route missing counts once)
        assertThat(found.get(Kind.CLIENTS_MISSING_FACTS).count()).isEqualTo(1);
        // 600 needles + 40 dose-days + client 4's age of 6 + client 5's encounter before first contact
        assertThat(found.get(Kind.IMPOSSIBLE_VALUES).count()).isEqualTo(4);
        assertThat(found.get(Kind.IMPOSSIBLE_VALUES).examples()).contains("Lyari DIC 2026-04: NEEDLES_SYRINGES")
                .noneMatch(example -> example.matches(".*\\b[1-6]\\b.*client.*"));
        // Korangi April 30 -> May 10 only; May 10 -> June 12 has no base of 20; Lyari never reaches 20
        assertThat(found.get(Kind.SUDDEN_JUMPS).count()).isEqualTo(1);
        assertThat(found.get(Kind.SUDDEN_JUMPS).examples()).containsExactly("Korangi outreach 2026-05");
    }

    @Test
    void aCleanSetFindsNothing() {
        Map<Long, ClientFact> clients = Map.of(1L, client(1, 1990, "HEROIN", "INJECTING", LocalDate.of(2026, 1, 5)));
        List<EncounterFact> encounters = List.of(new EncounterFact(7, 1L, ORG, LYARI, LocalDate.of(2026, 4, 2)));
        List<ServiceFact> services = List.of(new ServiceFact(7, 1L, ORG, LYARI, LocalDate.of(2026, 4, 2), "NEEDLES_SYRINGES", 30, null));
        Facts facts = new Facts(clients, services, encounters, seen(encounters), Map.of(LYARI, "Lyari DIC"));
        assertThat(DataQualityChecks.run(facts, Q2)).allSatisfy(f -> assertThat(f.count()).as(f.kind().name()).isZero());
    }

    private static Set<Long> seen(List<EncounterFact> encounters) {
        return encounters.stream().map(EncounterFact::clientId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static ClientFact client(long id, Integer birthYear, String drug, String route, LocalDate firstContact) {
        return new ClientFact(id, ORG, "MALE", birthYear, drug, route, LYARI, firstContact, null, null,
                Set.of("PEOPLE_WHO_INJECT_DRUGS"));
    }
}
