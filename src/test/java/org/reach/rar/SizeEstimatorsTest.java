package org.reach.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reach.platform.InvalidInput;

/** Each estimator against an example worked out by hand; the arithmetic is in the comments. */
class SizeEstimatorsTest {

    private static final org.assertj.core.data.Offset<Double> CLOSE = within(0.001);

    @Test
    void chapmanWithItsConfidenceInterval() {
        // n1 = 30 marked, n2 = 25 met in round two, m = 10 of them marked.
        // N   = (30+1)(25+1)/(10+1) - 1 = 806/11 - 1 = 73.2727 - 1 = 72.2727
        // var = (31)(26)(30-10)(25-10) / ((11)^2 (12)) = 31*26*20*15 / (121*12) = 241800 / 1452 = 166.5289
        // sd  = sqrt(166.5289) = 12.9046; 1.96 * 12.9046 = 25.2930
        // CI  = 72.2727 - 25.2930 .. 72.2727 + 25.2930 = 46.9797 .. 97.5658 (above n1+n2-m = 45, so kept)
        Estimate e = SizeEstimators.chapman(30, 25, 10);
        assertThat(e.point()).isCloseTo(72.2727, CLOSE);
        assertThat((double) e.inputs().get("variance")).isCloseTo(166.5289, CLOSE);
        assertThat(e.low()).isCloseTo(46.9797, CLOSE);
        assertThat(e.high()).isCloseTo(97.5658, CLOSE);
        assertThat(e.rounded()).isEqualTo(72);
        assertThat(e.formula()).contains("(n1+1)(n2+1)/(m+1) - 1");
    }

    @Test
    void chapmanNeverGoesBelowThePeopleActuallyMet() {
        // n1 = 12, n2 = 10, m = 8: N = 13*11/9 - 1 = 143/9 - 1 = 14.8889
        // var = 13*11*4*2 / (81*10) = 1144/810 = 1.4123; 1.96 * sqrt(1.4123) = 1.96 * 1.1884 = 2.3293
        // N - 2.3293 = 12.5596, but 12 + 10 - 8 = 14 different people were met, so the low end is 14.
        Estimate e = SizeEstimators.chapman(12, 10, 8);
        assertThat(e.point()).isCloseTo(14.8889, CLOSE);
        assertThat(e.low()).isEqualTo(14.0);
        assertThat(e.high()).isCloseTo(17.2182, CLOSE);
    }

    @Test
    void chapmanRejectsImpossibleSamples() {
        assertRejected(() -> SizeEstimators.chapman(10, 20, 11), "recaptured", "rar.estimate.error.recaptures");
        assertRejected(() -> SizeEstimators.chapman(20, 10, 11), "recaptured", "rar.estimate.error.recaptures");
        assertRejected(() -> SizeEstimators.chapman(-1, 10, 0), "marked", "rar.estimate.error.negative");
        assertRejected(() -> SizeEstimators.chapman(10, 10, -2), "recaptured", "rar.estimate.error.negative");
        assertRejected(() -> SizeEstimators.chapman(0, 10, 0), "marked", "rar.estimate.error.emptySample");
        assertRejected(() -> SizeEstimators.chapman(10, 0, 0), "secondSample", "rar.estimate.error.emptySample");
    }

    @Test
    void multiplierWithAWilsonInterval() {
        // A drop-in centre counted S = 120 people; 40 of 100 respondents said they used it: p = 0.4, N = 120/0.4 = 300.
        // Wilson, z = 1.96, z^2 = 3.8416, n = 100: denominator = 1 + 3.8416/100 = 1.038416
        // centre = (0.4 + 3.8416/200) / 1.038416 = 0.419208 / 1.038416 = 0.403699
        // half   = 1.96 * sqrt(0.4*0.6/100 + 3.8416/40000) / 1.038416 = 1.96 * sqrt(0.00249604) / 1.038416
        //        = 1.96 * 0.049960 / 1.038416 = 0.094300
        // p in 0.309400 .. 0.497999, so N in 120/0.497999 = 240.964 .. 120/0.309400 = 387.848
        Estimate e = SizeEstimators.multiplier(120, 40, 100);
        assertThat(e.point()).isCloseTo(300.0, CLOSE);
        assertThat((double) e.inputs().get("proportionLow")).isCloseTo(0.309400, within(0.000001));
        assertThat((double) e.inputs().get("proportionHigh")).isCloseTo(0.497999, within(0.000001));
        assertThat(e.low()).isCloseTo(240.964, CLOSE);
        assertThat(e.high()).isCloseTo(387.848, CLOSE);
    }

    @Test
    void multiplierRejectsProportionsOutsideZeroToOne() {
        assertRejected(() -> SizeEstimators.multiplier(120, 0.0, 100), "users", "rar.estimate.error.proportion");
        assertRejected(() -> SizeEstimators.multiplier(120, 1.2, 100), "users", "rar.estimate.error.proportion");
        assertRejected(() -> SizeEstimators.multiplier(120, 101, 100), "users", "rar.estimate.error.proportion");
        assertRejected(() -> SizeEstimators.multiplier(120, 0, 100), "users", "rar.estimate.error.proportion");
        assertRejected(() -> SizeEstimators.multiplier(-5, 10, 100), "serviceCount", "rar.estimate.error.negative");
        assertRejected(() -> SizeEstimators.multiplier(120, 0.5, 0), "respondents", "rar.estimate.error.emptySample");
        // p = 1 is allowed: everybody used the service, N = S.
        assertThat(SizeEstimators.multiplier(50, 10, 10).point()).isEqualTo(50.0);
    }

    @Test
    void keyInformantsMedianOfMinimaAndMaxima() {
        // minima 20, 30, 25 -> sorted 20, 25, 30 -> median 25; maxima 40, 60, 50 -> 40, 50, 60 -> median 50
        // point = (25 + 50) / 2 = 37.5; spread = highest maximum 60 - lowest minimum 20 = 40
        Estimate e = SizeEstimators.keyInformants(List.of(20, 30, 25), List.of(40, 60, 50));
        assertThat(e.point()).isEqualTo(37.5);
        assertThat(e.low()).isEqualTo(25.0);
        assertThat(e.high()).isEqualTo(50.0);
        assertThat(e.inputs().get("spread")).isEqualTo(40);
        // Four informants: minima 10, 40, 20, 30 -> 10, 20, 30, 40 -> median (20 + 30) / 2 = 25
        assertThat(SizeEstimators.keyInformants(List.of(10, 40, 20, 30), List.of(50, 50, 50, 50)).low()).isEqualTo(25.0);
    }

    @Test
    void keyInformantsRejectAMaximumBelowTheMinimumAndNegativeNumbers() {
        assertRejected(() -> SizeEstimators.keyInformants(List.of(30), List.of(20)), "maximum", "rar.estimate.error.maxBelowMin");
        assertRejected(() -> SizeEstimators.keyInformants(List.of(-3), List.of(20)), "minimum", "rar.estimate.error.negative");
        assertRejected(() -> SizeEstimators.keyInformants(List.of(), List.of()), "minimum", "rar.estimate.error.informants");
    }

    @Test
    void directCountsMaximumAndMean() {
        // counts 12, 20, 16: max 20; mean (12 + 20 + 16) / 3 = 48 / 3 = 16
        Estimate e = SizeEstimators.directCounts(List.of(12, 20, 16));
        assertThat(e.point()).isEqualTo(20.0);
        assertThat(e.low()).isEqualTo(16.0);
        assertThat(e.high()).isEqualTo(20.0);
        assertRejected(() -> SizeEstimators.directCounts(List.of()), "total", "rar.estimate.error.noVisits");
        assertRejected(() -> SizeEstimators.directCounts(List.of(4, -1)), "total", "rar.estimate.error.negative");
    }

    @Test
    void haversineDistance() {
        // One degree of latitude along a meridian: 2 * pi * 6371 / 360 = 111.195 km
        assertThat(SizeEstimators.haversineKm(24.0, 67.0, 25.0, 67.0)).isCloseTo(111.195, CLOSE);
        assertThat(SizeEstimators.haversineKm(24.86, 67.0, 24.86, 67.0)).isZero();
    }

    private static void assertRejected(Runnable estimator, String field, String key) {
        assertThatThrownBy(estimator::run).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo(field);
                            assertThat(p.messageKey()).isEqualTo(key);
                        }));
    }
}
