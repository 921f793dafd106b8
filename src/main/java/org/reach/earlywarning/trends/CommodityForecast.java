package org.reach.earlywarning.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The quantity of a commodity needed over a few coming months, from the monthly quantities given so far: a
 * quasi-Poisson log-linear model with a trend and, with two years of history, a yearly harmonic,
 * <pre>log μ_t = β0 + β1·(t − t̄) [+ β2·sin(2π·m_t/12) + β3·cos(2π·m_t/12)]</pre>
 * fitted by iteratively reweighted least squares. The forecast is the sum of μ over the months asked for; its
 * variance adds the spread of next quarter's counts around their mean (φ·Σμ, φ the Pearson dispersion, at least 1)
 * to the uncertainty of the fitted mean (gᵀ·φ(XᵀWX)⁻¹·g with g = Σ μ_h·x_h, the delta method), and the
 * intervals are normal: forecast ± z·√variance, not below zero.
 */
public final class CommodityForecast {

    /** Fewer known months give no forecast: a trend needs some history to be told from noise. */
    public static final int MIN_MONTHS = 6;
    /** With this many known months the model also has a yearly season. */
    public static final int SEASONAL_MONTHS = 24;
    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-10;

    private CommodityForecast() {
    }

    /**
     * @param expected     the quantity expected over the months asked for
     * @param monthlyTrend the fitted change per month, as a fraction (0.05: 5 % more each month)
     * @param seasonal     whether the model had a yearly season
     * @param dispersion   φ, the Pearson dispersion (at least 1)
     * @param monthsUsed   known months the model was fitted on
     */
    public record Result(double expected, double lower80, double upper80, double lower95, double upper95,
                         double monthlyTrend, boolean seasonal, double dispersion, int monthsUsed) {
    }

    /**
     * Forecasts the total over the months {@code ahead} (indices after the history: n, n+1 … for the months right
     * after it). {@code quantities[t]} is month t of the history, NaN when unknown (a month hidden by small-cell
     * suppression); {@code firstCalendarMonth} (1–12) is the calendar month of t = 0. Empty when fewer than
     * {@link #MIN_MONTHS} months are known or nothing at all was given (all zero: the model has no scale).
     */
    public static Optional<Result> forecast(double[] quantities, int firstCalendarMonth, int[] ahead) {
        List<Integer> known = new ArrayList<>();
        double sum = 0;
        for (int t = 0; t < quantities.length; t++) {
            if (!Double.isNaN(quantities[t])) {
                if (quantities[t] < 0) {
                    throw new IllegalArgumentException("negative quantity in month " + t);
                }
                known.add(t);
                sum += quantities[t];
            }
        }
        if (known.size() < MIN_MONTHS || sum == 0) {
            return Optional.empty();
        }
        boolean seasonal = known.size() >= SEASONAL_MONTHS;
        int p = seasonal ? 4 : 2;
        double centre = known.stream().mapToInt(Integer::intValue).average().orElse(0);
        int n = known.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int t = known.get(i);
            x[i] = row(t, centre, firstCalendarMonth, seasonal);
            y[i] = quantities[t];
        }
        Fit fit = fit(x, y);
        double pearson = 0;
        for (int i = 0; i < n; i++) {
            pearson += (y[i] - fit.mu[i]) * (y[i] - fit.mu[i]) / fit.mu[i];
        }
        double phi = Math.max(1, pearson / (n - p));
        RealMatrix xtwx = new Array2DRowRealMatrix(p, p);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xtwx.addToEntry(a, b, fit.mu[i] * x[i][a] * x[i][b]);
                }
            }
        }
        RealMatrix covariance = new LUDecomposition(xtwx).getSolver().getInverse().scalarMultiply(phi);
        double expected = 0;
        RealVector g = new ArrayRealVector(p);
        for (int t : ahead) {
            double[] xt = row(t, centre, firstCalendarMonth, seasonal);
            double mu = Math.exp(new ArrayRealVector(xt).dotProduct(fit.beta));
            expected += mu;
            g = g.add(new ArrayRealVector(xt).mapMultiply(mu));
        }
        double variance = phi * expected + covariance.preMultiply(g).dotProduct(g);
        double sd = Math.sqrt(variance);
        return Optional.of(new Result(expected, Math.max(0, expected - Z80 * sd), expected + Z80 * sd,
                Math.max(0, expected - Z95 * sd), expected + Z95 * sd, Math.exp(fit.beta.getEntry(1)) - 1, seasonal,
                phi, n));
    }

    private static double[] row(int t, double centre, int firstCalendarMonth, boolean seasonal) {
        if (!seasonal) {
            return new double[] {1, t - centre};
        }
        double angle = 2 * Math.PI * ((firstCalendarMonth - 1 + t) % 12 + 1) / 12.0;
        return new double[] {1, t - centre, Math.sin(angle), Math.cos(angle)};
    }

    private record Fit(RealVector beta, double[] mu) {
    }

    /** Poisson log-link IRLS, started from y + 0.1, until the deviance stops changing. */
    private static Fit fit(double[][] x, double[] y) {
        int n = y.length;
        int p = x[0].length;
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = y[i] + 0.1;
            eta[i] = Math.log(mu[i]);
        }
        double deviance = deviance(y, mu);
        RealVector beta = null;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            RealMatrix weighted = new Array2DRowRealMatrix(n, p);
            RealVector response = new ArrayRealVector(n);
            for (int i = 0; i < n; i++) {
                double root = Math.sqrt(mu[i]);
                for (int j = 0; j < p; j++) {
                    weighted.setEntry(i, j, root * x[i][j]);
                }
                response.setEntry(i, root * (eta[i] + (y[i] - mu[i]) / mu[i]));
            }
            beta = new QRDecomposition(weighted).getSolver().solve(response);
            for (int i = 0; i < n; i++) {
                eta[i] = new ArrayRealVector(x[i], false).dotProduct(beta);
                mu[i] = Math.exp(eta[i]);
            }
            double next = deviance(y, mu);
            boolean converged = Math.abs(next - deviance) / (Math.abs(next) + 0.1) < TOLERANCE;
            deviance = next;
            if (converged) {
                break;
            }
        }
        return new Fit(beta, mu);
    }

    private static double deviance(double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
        }
        return d;
    }
}
