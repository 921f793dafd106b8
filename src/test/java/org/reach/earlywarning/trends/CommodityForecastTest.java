package org.reach.earlywarning.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The forecast on constructed series whose answer is known: an exact exponential trend, an exact season, a flat
 * series whose interval can be worked out by hand, and series too short or empty to forecast.
 */
class CommodityForecastTest {

    private static final int[] NEXT_QUARTER = {12, 13, 14};

    @Test
    void anExactExponentialTrendIsContinuedWithTheIntervalWorkedOutByHand() {
        double[] y = new double[12];
        for (int t = 0; t < 12; t++) {
            y[t] = 1000 * Math.exp(0.05 * t);
        }
        CommodityForecast.Result r = CommodityForecast.forecast(y, 1, NEXT_QUARTER).orElseThrow();
        double expected = 1000 * (Math.exp(0.6) + Math.exp(0.65) + Math.exp(0.7));
        assertThat(r.expected()).isCloseTo(expected, within(1e-6 * expected));
        assertThat(r.monthlyTrend()).isCloseTo(Math.exp(0.05) - 1, within(1e-9));
        assertThat(r.seasonal()).isFalse();
        assertThat(r.dispersion()).isEqualTo(1.0); // a perfect fit: Pearson 0, floored at Poisson's 1

        // by hand: Cov(β) = (XᵀWX)⁻¹ with W = μ, x = (1, t − 5.5); g = Σ μ_h x_h over the three months ahead
        double s0 = 0, s1 = 0, s2 = 0;
        for (int t = 0; t < 12; t++) {
            double c = t - 5.5;
            s0 += y[t];
            s1 += y[t] * c;
            s2 += y[t] * c * c;
        }
        double det = s0 * s2 - s1 * s1;
        double g0 = 0, g1 = 0;
        for (int t : NEXT_QUARTER) {
            double mu = 1000 * Math.exp(0.05 * t);
            g0 += mu;
            g1 += mu * (t - 5.5);
        }
        double fitted = (g0 * g0 * s2 - 2 * g0 * g1 * s1 + g1 * g1 * s0) / det;
        double sd = Math.sqrt(expected + fitted);
        assertThat(r.lower80()).isCloseTo(expected - 1.2815515655446004 * sd, within(1e-6 * expected));
        assertThat(r.upper80()).isCloseTo(expected + 1.2815515655446004 * sd, within(1e-6 * expected));
        assertThat(r.lower95()).isCloseTo(expected - 1.959963984540054 * sd, within(1e-6 * expected));
        assertThat(r.upper95()).isCloseTo(expected + 1.959963984540054 * sd, within(1e-6 * expected));
        // the trend matters: the last quarter's mean would be far below
        double lastQuarter = y[9] + y[10] + y[11];
        assertThat(r.lower95()).isGreaterThan(lastQuarter);
    }

    @Test
    void anExactSeasonIsFollowedOnceTwoYearsAreKnown() {
        double[] y = new double[36];
        for (int t = 0; t < 36; t++) {
            int month = t % 12 + 1; // January first
            y[t] = 500 * Math.exp(0.4 * Math.sin(2 * Math.PI * month / 12) - 0.2 * Math.cos(2 * Math.PI * month / 12));
        }
        int[] ahead = {36, 37, 38}; // January to March again
        CommodityForecast.Result r = CommodityForecast.forecast(y, 1, ahead).orElseThrow();
        double expected = y[0] + y[1] + y[2];
        assertThat(r.seasonal()).isTrue();
        assertThat(r.expected()).isCloseTo(expected, within(1e-6 * expected));
        assertThat(r.monthlyTrend()).isCloseTo(0, within(1e-9));
        // and July to September differ from it as the season says
        CommodityForecast.Result summer = CommodityForecast.forecast(y, 1, new int[] {42, 43, 44}).orElseThrow();
        assertThat(summer.expected()).isCloseTo(y[6] + y[7] + y[8], within(1e-6 * expected));
    }

    @Test
    void noisyCountsGiveAWiderIntervalAndOverdispersionIsMeasured() {
        double[] quiet = {100, 102, 98, 101, 99, 100, 103, 97, 100, 101, 99, 100};
        double[] noisy = {60, 150, 80, 140, 70, 130, 90, 120, 65, 145, 75, 125};
        CommodityForecast.Result q = CommodityForecast.forecast(quiet, 1, NEXT_QUARTER).orElseThrow();
        CommodityForecast.Result n = CommodityForecast.forecast(noisy, 1, NEXT_QUARTER).orElseThrow();
        assertThat(q.dispersion()).isEqualTo(1.0);
        assertThat(n.dispersion()).isGreaterThan(5);
        assertThat(n.upper95() - n.lower95()).isGreaterThan(2 * (q.upper95() - q.lower95()));
        for (CommodityForecast.Result r : new CommodityForecast.Result[] {q, n}) {
            assertThat(r.lower95()).isLessThan(r.lower80());
            assertThat(r.lower80()).isLessThan(r.expected());
            assertThat(r.expected()).isLessThan(r.upper80());
            assertThat(r.upper80()).isLessThan(r.upper95());
        }
    }

    @Test
    void unknownAndZeroMonthsAreHandledAndTooLittleGivesNoForecast() {
        double[] withGaps = {Double.NaN, Double.NaN, 40, 0, 45, 50, Double.NaN, 55, 60};
        CommodityForecast.Result r = CommodityForecast.forecast(withGaps, 3, new int[] {9, 10, 11}).orElseThrow();
        assertThat(r.monthsUsed()).isEqualTo(6);
        assertThat(r.lower95()).isGreaterThanOrEqualTo(0);
        assertThat(CommodityForecast.forecast(new double[] {10, 12, 11, 13, 12}, 1, new int[] {5})).isEmpty();
        double[] nothing = new double[12];
        Arrays.fill(nothing, 0);
        assertThat(CommodityForecast.forecast(nothing, 1, NEXT_QUARTER)).isEmpty();
    }
}
