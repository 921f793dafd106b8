package org.reach.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The stock rules on constructed cases: days left at the last 30 days' rate, reorder flags, stock-out months. */
class StockOutMonthsAndDaysLeftTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private final List<StockMovement> movements = new ArrayList<>();

    private void move(LocalDate date, StockItem item, MovementKind kind, int quantity) {
        movements.add(new StockMovement(movements.size() + 1, 1, 10, item, kind, quantity, null, date, null, 1));
    }

    @Test
    void daysLeftAreWhatIsOnHandAtTheRateOfTheLastThirtyDays() {
        move(TODAY.minusDays(60), StockItem.SYRINGES_1ML, MovementKind.RECEIPT, 3000);
        move(TODAY.minusDays(45), StockItem.SYRINGES_1ML, MovementKind.ISSUE, 1000); // before the window: not in the rate
        move(TODAY.minusDays(20), StockItem.SYRINGES_1ML, MovementKind.ISSUE, 450);
        move(TODAY.minusDays(29), StockItem.SYRINGES_1ML, MovementKind.LOSS, 150);   // first day of the window counts
        move(TODAY.minusDays(5), StockItem.NALOXONE, MovementKind.RECEIPT, 10);
        move(TODAY.minusDays(2), StockItem.NALOXONE, MovementKind.ISSUE, 10);
        move(TODAY.minusDays(3), StockItem.CONDOMS, MovementKind.RECEIPT, 500);

        Map<StockItem, StockLevel> levels = new java.util.EnumMap<>(StockItem.class);
        Stock.levels(movements, Map.of(10L, "Lyari"), TODAY, 14).forEach(l -> levels.put(l.item(), l));

        StockLevel syringes = levels.get(StockItem.SYRINGES_1ML);
        assertThat(syringes.onHand()).isEqualTo(1400);
        assertThat(syringes.outLast30Days()).isEqualTo(600);
        assertThat(syringes.daysLeft()).isEqualTo(70); // 1400 / (600 / 30)
        assertThat(syringes.reorder()).isFalse();
        assertThat(levels.get(StockItem.NALOXONE).stockedOut()).isTrue();
        assertThat(levels.get(StockItem.NALOXONE).reorder()).isTrue();
        assertThat(levels.get(StockItem.CONDOMS).daysLeft()).as("nothing went out: no rate").isNull();
        assertThat(levels.get(StockItem.CONDOMS).reorder()).isFalse();

        move(TODAY, StockItem.SYRINGES_1ML, MovementKind.ISSUE, 1000); // 400 left, 1600 out in 30 days: 7.5 days
        StockLevel low = Stock.levels(movements, Map.of(10L, "Lyari"), TODAY, 14).stream()
                .filter(l -> l.item() == StockItem.SYRINGES_1ML).findFirst().orElseThrow();
        assertThat(low.daysLeft()).isEqualTo(7);
        assertThat(low.reorder()).isTrue();
    }

    @Test
    void aMonthCountsAsAStockOutWhenTheItemHadBeenReceivedAndNothingWasLeftOnSomeDay() {
        move(LocalDate.of(2026, 1, 10), StockItem.NALOXONE, MovementKind.RECEIPT, 20);
        move(LocalDate.of(2026, 2, 14), StockItem.NALOXONE, MovementKind.ISSUE, 20);  // empty from 14 February
        move(LocalDate.of(2026, 4, 3), StockItem.NALOXONE, MovementKind.RECEIPT, 20); // March empty all month, April begins empty
        move(LocalDate.of(2026, 5, 20), StockItem.NALOXONE, MovementKind.ISSUE, 5);
        // an issue and a receipt on the same day settle together: never empty at a day's end
        move(LocalDate.of(2026, 6, 10), StockItem.NALOXONE, MovementKind.ISSUE, 15);
        move(LocalDate.of(2026, 6, 10), StockItem.NALOXONE, MovementKind.RECEIPT, 30);

        assertThat(Stock.stockOutMonths(movements, YearMonth.of(2025, 12), YearMonth.of(2026, 6)))
                .as("December: never received yet; May and June: never empty")
                .containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4));
        assertThat(Stock.stockOutMonths(movements, YearMonth.of(2026, 3), YearMonth.of(2026, 3)))
                .containsExactly(YearMonth.of(2026, 3));
        assertThat(Stock.stockOutMonths(List.of(), YearMonth.of(2026, 1), YearMonth.of(2026, 6))).isEmpty();
    }
}
