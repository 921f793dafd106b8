package org.reach.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.followup.store.FollowUpStore;
import org.reach.indicators.SmallCellSuppression;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves of people between cities (from transfers and from tracing outcomes "moved to another city") and the
 * programme's flow table for coordinators: people per city pair in a quarter, with counts of 1 to 4 hidden and as
 * many more hidden as the rows, columns and total would otherwise give away ({@link SmallCellSuppression}, the
 * indicators' joint rule). No client detail leaves the organisation that recorded the move.
 */
@Service
@Transactional
public class Movements {

    /** Where a move was learnt of. */
    public enum Source {
        TRACING, TRANSFER
    }

    private final FollowUpStore store;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    Movements(FollowUpStore store, OrganisationDirectory directory, AuditTrail audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Coordinators see the flows of their programme. */
    public boolean mayViewFlows(ReachUser actor) {
        return actor.has(Role.COORDINATOR) && actor.programmeId() != null;
    }

    /** Records that the client moved from the city of their enrolment site to {@code toCity}; nothing without both. */
    void record(ReachUser actor, Client client, String toCity, LocalDate on, Source source) {
        Organisation organisation = directory.programmePartner(actor, client.organisationId());
        String fromCity = client.enrolmentSiteId() == null ? null
                : directory.programmePartnerSite(actor, client.enrolmentSiteId()).city();
        record(organisation, client.id(), fromCity, toCity, on, source);
    }

    void record(Organisation organisation, long clientId, String fromCity, String toCity, LocalDate on, Source source) {
        String from = city(fromCity);
        String to = city(toCity);
        if (organisation.programmeId() == null || from == null || to == null || from.equalsIgnoreCase(to)) {
            return;
        }
        store.insertMove(organisation.programmeId(), organisation.id(), clientId, from, to, on, source.name(),
                clock.instant());
    }

    static String city(Site site) {
        return site == null ? null : city(site.city());
    }

    /** A city name as counted: trimmed, the first letter of each word upper-case, so "karachi " and "Karachi" agree. */
    static String city(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    /** The flow table of the coordinator's programme for one quarter. */
    @Transactional // not read-only: the read is written to the audit log
    public FlowTable flows(ReachUser actor, int year, int quarter) {
        if (!mayViewFlows(actor)) {
            throw new Forbidden("read flows");
        }
        Problems problems = new Problems();
        problems.check(year >= 2000 && year <= 2100, "year", "followup.error.year");
        problems.check(quarter >= 1 && quarter <= 4, "quarter", "followup.error.quarter");
        problems.throwIfAny();
        try {
            directory.programme(actor, actor.programmeId());
        } catch (NotFound gone) {
            throw new Forbidden("read flows");
        }
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        FlowTable table = table(year, quarter, store.flows(actor.programmeId(), start, end));
        audit.recordExport(actor, null, "followup_flows", actor.programmeId(), "flows " + year + " Q" + quarter);
        return table;
    }

    /**
     * The indicators' joint suppression, with one addition for a two-way table: a shown zero in the row or column of a
     * hidden count tells an attacker that count's share of the total exactly, so zeros beside hidden counts are hidden
     * too (as "*"), and the suppression runs again with them, until nothing more is hidden.
     */
    private static boolean[] suppress(long[] values, List<SmallCellSuppression.Equation> equations, int r, int c) {
        boolean[] already = new boolean[values.length];
        boolean[] hidden = SmallCellSuppression.suppress(values, equations);
        for (int round = 0; round < 10; round++) {
            boolean more = false;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    int at = i * c + j;
                    if (values[at] == 0 && !hidden[at] && (rowHides(hidden, i, c) || columnHides(hidden, j, r, c))) {
                        already[at] = true;
                        more = true;
                    }
                }
            }
            if (!more) {
                return hidden;
            }
            for (int i = 0; i < values.length; i++) {
                already[i] |= hidden[i];
            }
            hidden = SmallCellSuppression.suppress(values, equations, already, new boolean[values.length]);
        }
        return hidden;
    }

    private static boolean rowHides(boolean[] hidden, int row, int c) {
        for (int j = 0; j < c; j++) {
            if (hidden[row * c + j]) {
                return true;
            }
        }
        return false;
    }

    private static boolean columnHides(boolean[] hidden, int column, int r, int c) {
        for (int i = 0; i < r; i++) {
            if (hidden[i * c + column]) {
                return true;
            }
        }
        return false;
    }

    /** Lays out and suppresses the counts: cells, then row totals, column totals and the grand total. */
    static FlowTable table(int year, int quarter, List<FollowUpStore.Flow> flows) {
        TreeSet<String> from = new TreeSet<>();
        TreeSet<String> to = new TreeSet<>();
        Map<String, Long> counts = new TreeMap<>();
        for (FollowUpStore.Flow flow : flows) {
            from.add(flow.fromCity());
            to.add(flow.toCity());
            counts.merge(flow.fromCity() + "\u0000" + flow.toCity(), flow.people(), Long::sum);
        }
        List<String> rows = List.copyOf(from);
        List<String> columns = List.copyOf(to);
        int r = rows.size();
        int c = columns.size();
        long[] values = new long[r * c + r + c + 1];
        int rowTotal = r * c;
        int columnTotal = rowTotal + r;
        int total = columnTotal + c;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                long v = counts.getOrDefault(rows.get(i) + "\u0000" + columns.get(j), 0L);
                values[i * c + j] = v;
                values[rowTotal + i] += v;
                values[columnTotal + j] += v;
                values[total] += v;
            }
        }
        List<SmallCellSuppression.Equation> equations = new ArrayList<>();
        int[] allRows = new int[r];
        int[] allColumns = new int[c];
        for (int i = 0; i < r; i++) {
            int[] parts = new int[c];
            for (int j = 0; j < c; j++) {
                parts[j] = i * c + j;
            }
            equations.add(new SmallCellSuppression.Equation(rowTotal + i, parts));
            allRows[i] = rowTotal + i;
        }
        for (int j = 0; j < c; j++) {
            int[] parts = new int[r];
            for (int i = 0; i < r; i++) {
                parts[i] = i * c + j;
            }
            equations.add(new SmallCellSuppression.Equation(columnTotal + j, parts));
            allColumns[j] = columnTotal + j;
        }
        if (r > 0) {
            equations.add(new SmallCellSuppression.Equation(total, allRows));
            equations.add(new SmallCellSuppression.Equation(total, allColumns));
        }
        boolean[] hidden = suppress(values, equations, r, c);
        String[] shown = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = !hidden[i] ? Long.toString(values[i])
                    : SmallCellSuppression.isSmall(values[i]) ? SmallCellSuppression.SMALL : SmallCellSuppression.HIDDEN;
        }
        List<List<String>> cells = new ArrayList<>();
        List<String> rowTotals = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            List<String> line = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                line.add(shown[i * c + j]);
            }
            cells.add(line);
            rowTotals.add(shown[rowTotal + i]);
        }
        List<String> columnTotals = new ArrayList<>();
        for (int j = 0; j < c; j++) {
            columnTotals.add(shown[columnTotal + j]);
        }
        return new FlowTable(year, quarter, rows, columns, cells, rowTotals, columnTotals, shown[total]);
    }
}
