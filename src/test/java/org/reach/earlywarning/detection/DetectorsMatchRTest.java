package org.reach.earlywarning.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detectors give R's alarms in exactly the same weeks and R's upper bounds within 1e-6 relative. The expected
 * values were written by {@code src/test/resources/earlywarning/make-reference.R} with surveillance 1.20.3; R is not
 * needed to run this test.
 */
class DetectorsMatchRTest {

    private static final double RELATIVE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"seasonal_outbreak", "all_zero_baseline", "short", "low_counts", "trend", "overdispersed",
            "long_falling"})
    void everyDetectorAgreesWithR(String name) throws IOException {
        Reference ref = Reference.read(name);
        compare(ref, "C1", s -> EarsC.detect(s, EarsC.Control.of(EarsC.Method.C1)));
        compare(ref, "C2", s -> EarsC.detect(s, EarsC.Control.of(EarsC.Method.C2)));
        compare(ref, "C3", s -> EarsC.detect(s, EarsC.Control.of(EarsC.Method.C3)));
        compare(ref, "farrington", s -> FarringtonFlexible.detect(s, FarringtonFlexible.Control.defaults()));
        compare(ref, "farrington10",
                s -> FarringtonFlexible.detect(s, FarringtonFlexible.Control.defaults().withNoPeriods(10)));
    }

    @Test
    void theReferenceCasesRaiseAlarmsAtAll() throws IOException {
        // guards against a reference that would pass by holding nothing but NA
        int alarms = 0;
        for (String name : List.of("seasonal_outbreak", "overdispersed", "trend")) {
            Reference ref = Reference.read(name);
            for (String d : List.of("C1", "C2", "C3", "farrington", "farrington10")) {
                alarms += (int) ref.column(d + "_alarm").stream().filter("TRUE"::equals).count();
            }
        }
        assertThat(alarms).isGreaterThan(50);
    }

    @Test
    void aSeriesTooShortForTheDetectorsGivesNoSignal() {
        double[] six = {1, 2, 3, 4, 5, 6};
        assertThat(EarsC.detect(six, EarsC.Control.of(EarsC.Method.C1))).isEmpty();
        assertThat(EarsC.detect(new double[11], EarsC.Control.of(EarsC.Method.C3))).isEmpty();
        assertThat(FarringtonFlexible.detect(new double[100], FarringtonFlexible.Control.defaults())).isEmpty();
    }

    @Test
    void aMissingWeekGivesNoBoundAndNoAlarmWhereItIsUsed() {
        double[] series = {3, 4, 2, 5, 3, 4, 2, 9, Double.NaN, 4, 3};
        List<Signal> c1 = EarsC.detect(series, EarsC.Control.of(EarsC.Method.C1));
        assertThat(c1.get(0).upperbound()).isFinite();
        assertThat(c1.get(1).alarm()).isNull();
        assertThat(c1.get(2).upperbound()).isNaN();
        assertThat(c1.get(2).alarm()).isNull();
    }

    private static void compare(Reference ref, String detector, Function<double[], List<Signal>> run) {
        Map<Integer, Signal> byWeek = new HashMap<>();
        for (Signal s : run.apply(ref.observed())) {
            byWeek.put(s.week(), s);
        }
        List<String> bounds = ref.column(detector + "_upperbound");
        List<String> alarms = ref.column(detector + "_alarm");
        for (int i = 0; i < bounds.size(); i++) {
            int week = i + 1;
            Signal s = byWeek.get(week);
            String where = ref.name + " " + detector + " week " + week;
            String rBound = bounds.get(i);
            String rAlarm = alarms.get(i);
            Boolean javaAlarm = s == null ? null : s.alarm();
            String javaAlarmText = javaAlarm == null ? "NA" : javaAlarm ? "TRUE" : "FALSE";
            assertThat(javaAlarmText).as(where + " alarm").isEqualTo(rAlarm);
            double javaBound = s == null ? Double.NaN : s.upperbound();
            if ("NA".equals(rBound) || "NaN".equals(rBound)) {
                assertThat(javaBound).as(where + " upper bound").isNaN();
            } else {
                double expected = Double.parseDouble(rBound);
                if (expected == 0) {
                    assertThat(javaBound).as(where + " upper bound").isCloseTo(0.0,
                            org.assertj.core.data.Offset.offset(1e-9));
                } else {
                    assertThat(Math.abs(javaBound - expected) / Math.abs(expected)).as(where + " upper bound "
                            + javaBound + " vs R " + expected).isLessThanOrEqualTo(RELATIVE);
                }
            }
        }
    }

    private record Reference(String name, List<String> header, List<String[]> rows) {

        static Reference read(String name) throws IOException {
            try (InputStream in = DetectorsMatchRTest.class.getResourceAsStream("/earlywarning/" + name + ".csv")) {
                assertThat(in).as(name).isNotNull();
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
                List<String[]> rows = new ArrayList<>();
                for (int i = 1; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        rows.add(lines[i].split(","));
                    }
                }
                return new Reference(name, List.of(lines[0].split(",")), rows);
            }
        }

        List<String> column(String key) {
            int c = header.indexOf(key);
            assertThat(c).as(key).isNotNegative();
            return rows.stream().map(r -> r[c]).toList();
        }

        double[] observed() {
            return column("observed").stream().mapToDouble(v -> "NA".equals(v) ? Double.NaN : Double.parseDouble(v))
                    .toArray();
        }
    }
}
