package org.reach.earlywarning.detection;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The improved Farrington method exactly as R's {@code surveillance::farringtonFlexible} (version 1.20.3) computes it
 * for a weekly series numbered 1..n (R's {@code epochAsDate = FALSE}), with {@code populationOffset = FALSE} and
 * {@code thresholdMethod = "delta"}: for week k a quasi-Poisson GLM with trend (and, with {@code noPeriods > 1},
 * a seasonal factor) is fitted to the windows of ±w weeks around the same week in the b previous years; past
 * outbreaks are down-weighted by their Anscombe residuals; the trend is kept only when significant and when it does
 * not extrapolate beyond the largest count; the threshold is the power-transformed prediction interval. Weeks with
 * fewer than {@code limit54Cases} cases in the last {@code limit54Weeks} weeks get no bound and no alarm.
 */
public final class FarringtonFlexible {

    public enum PowerTransform {
        NONE(1), HALF(0.5), TWO_THIRDS(2.0 / 3);

        final double exponent;

        PowerTransform(double exponent) {
            this.exponent = exponent;
        }
    }

    /** R's control list for the options Reach supports; {@link #defaults()} is R's default except b = 3. */
    public record Control(int b, int w, boolean reweight, double weightsThreshold, double alpha, boolean trend,
            double pThresholdTrend, int limit54Cases, int limit54Weeks, PowerTransform powertrans, int noPeriods,
            int pastWeeksNotIncluded, int freq) {

        public Control {
            if (b < 1 || w < 0 || freq < 1 || noPeriods < 1 || pastWeeksNotIncluded < 0) {
                throw new IllegalArgumentException("b, freq and noPeriods must be positive, w not negative");
            }
            if (!(limit54Cases >= 0 && limit54Weeks > 0)) {
                throw new IllegalArgumentException(
                        "The limit54 arguments are out of bounds: cases >= 0 and period > 0.");
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must lie between 0 and 1");
            }
            if (noPeriods > 1 && freq - 2 * w - 1 < noPeriods - (2 * w + 1)) {
                throw new IllegalArgumentException("Number of factors too big!");
            }
        }

        public static Control defaults() {
            return new Control(3, 3, true, 2.58, 0.05, true, 0.05, 5, 4, PowerTransform.TWO_THIRDS, 1, 3, 52);
        }

        public Control withNoPeriods(int periods) {
            return new Control(b, w, reweight, weightsThreshold, alpha, trend, pThresholdTrend, limit54Cases,
                    limit54Weeks, powertrans, periods, pastWeeksNotIncluded, freq);
        }

        public Control withB(int years) {
            return new Control(years, w, reweight, weightsThreshold, alpha, trend, pThresholdTrend, limit54Cases,
                    limit54Weeks, powertrans, noPeriods, pastWeeksNotIncluded, freq);
        }

        /** The first week R's default range judges: {@code freq * b + w + 1}. */
        public int firstWeek() {
            return freq * b + w + 1;
        }
    }

    private FarringtonFlexible() {
    }

    /** Judges every week from {@link Control#firstWeek()}; a shorter series gives no signal. */
    public static List<Signal> detect(double[] observed, Control control) {
        return detect(observed, control, control.firstWeek(), observed.length);
    }

    public static List<Signal> detect(double[] observed, Control control, int from, int to) {
        int first = Math.max(from, control.firstWeek());
        int last = Math.min(to, observed.length);
        List<Signal> signals = new ArrayList<>(Math.max(0, last - first + 1));
        double z = Normal.quantile(1 - control.alpha());
        for (int k = first; k <= last; k++) {
            signals.add(week(observed, control, k, z));
        }
        return signals;
    }

    private static Signal week(double[] observed, Control c, int k, double z) {
        double y = observed[k - 1];
        Data data = data(observed, c, k);
        Prediction pred = data == null ? null : predict(data, c, k);
        if (pred == null) {
            return new Signal(k, y, Double.NaN, null);
        }
        double mu0 = pred.fit;
        double tau = pred.phi + pred.seFit * pred.seFit / mu0;
        double exponent = c.powertrans().exponent;
        double se = switch (c.powertrans()) {
            case NONE -> Math.sqrt(mu0 * tau);
            case HALF -> Math.sqrt(0.25 * tau);
            case TWO_THIRDS -> Math.sqrt(4.0 / 9 * Math.pow(mu0, 1.0 / 3) * tau);
        };
        double a = Math.pow(Math.pow(mu0, exponent) - z * se, 1 / exponent);
        double b = Math.pow(Math.pow(mu0, exponent) + z * se, 1 / exponent);
        // R sorts the two ends with NaN first and keeps the second as the upper bound
        double upper = Double.isNaN(a) || Double.isNaN(b) ? (Double.isNaN(b) ? a : b) : Math.max(a, b);
        if (Double.isNaN(a) && Double.isNaN(b)) {
            upper = Double.NaN;
        }
        double recent = 0;
        for (int i = k - c.limit54Weeks() + 1; i <= k; i++) {
            recent += observed[i - 1];
        }
        if (Double.isNaN(recent)) {
            return new Signal(k, y, Double.NaN, false);
        }
        boolean enoughCases = recent >= c.limit54Cases();
        if (!enoughCases) {
            return new Signal(k, y, Double.NaN, false);
        }
        double score = Double.isNaN(upper) ? Double.NaN : (y - pred.fit) / (upper - pred.fit);
        boolean alarm = !Double.isNaN(score) && score > 1 && y != 0;
        return new Signal(k, y, upper, alarm);
    }

    /** The rows of the GLM for week k: response, wtime and seasonal group (1..noPeriods). */
    private record Data(double[] response, double[] wtime, int[] group) {
    }

    private static Data data(double[] observed, Control c, int k) {
        int w = c.w();
        if (k - c.freq() * c.b() - w < 1 || k > observed.length) {
            throw new IllegalArgumentException("Some reference time points did not exist; decrease 'b' or postpone 'range'.");
        }
        int p = c.noPeriods();
        int[] blocks = new int[k + w + 1];
        // blocks[i] for week i (1-based); 0 = not in the model
        for (int i = k - w; i <= k; i++) {
            blocks[i] = p;
        }
        for (int i = 1; i <= c.b(); i++) {
            int refWeek = k - i * c.freq();
            int next = k - (i - 1) * c.freq();
            for (int t = refWeek - w; t <= refWeek + w; t++) {
                blocks[t] = p;
            }
            if (p != 1) {
                int period = next - 2 * w - 1 - refWeek;
                int length = period / (p - 1);
                int rest = period % (p - 1);
                int start = refWeek + w + 1;
                for (int j = 1; j <= p - 1; j++) {
                    int len = length + (j <= rest ? 1 : 0);
                    for (int t = start; t < start + len; t++) {
                        blocks[t] = j;
                    }
                    start += len;
                }
            }
        }
        for (int i = Math.max(1, k - c.pastWeeksNotIncluded()); i <= k; i++) {
            blocks[i] = 0;
        }
        int rows = 0;
        for (int i = 1; i <= k; i++) {
            if (blocks[i] != 0 && !Double.isNaN(observed[i - 1])) {
                rows++;
            }
        }
        double[] response = new double[rows];
        double[] wtime = new double[rows];
        int[] group = new int[rows];
        int r = 0;
        for (int i = 1; i <= k; i++) {
            if (blocks[i] != 0 && !Double.isNaN(observed[i - 1])) {
                response[r] = observed[i - 1];
                wtime[r] = i;
                group[r] = blocks[i];
                r++;
            }
        }
        return rows == 0 ? null : new Data(response, wtime, group);
    }

    private record Prediction(double fit, double seFit, double phi) {
    }

    /**
     * A fitted model. {@code summaryDispersion} is what {@code summary.glm} answers for it in R: surveillance stores
     * the reweighting weights in {@code model$weights}, where summary.glm expects the working weights, so the
     * dispersion behind the trend test and the prediction's standard error is sum(omega * ((y - mu) / mu)^2) / df.
     */
    private record Model(PoissonGlm glm, double phi, boolean trend, double summaryDispersion) {
    }

    private static Prediction predict(Data data, Control c, int k) {
        Model model = fitFlexible(data, c, c.trend());
        if (model == null) {
            return null;
        }
        if (model.trend) {
            double[] x = row(k, c.noPeriods(), true, c.noPeriods() != 1);
            double fit = PoissonGlm.linkinv(dot(x, model.glm.coefficients));
            int df = model.glm.dfResidual();
            if (df <= 0) {
                return null; // R cannot test the trend without residual degrees of freedom and stops
            }
            double dispersion = model.summaryDispersion;
            double se = Math.sqrt(model.glm.unscaledCoefficientVariance(1) * dispersion);
            double t = model.glm.coefficients[1] / se;
            double pValue = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
            boolean significant = pValue < c.pThresholdTrend();
            double max = Double.NEGATIVE_INFINITY;
            for (double v : data.response) {
                max = Math.max(max, v);
            }
            boolean doTrend = c.b() >= 3 && significant && fit <= max;
            if (!doTrend) {
                model = fitFlexible(data, c, false);
                if (model == null) {
                    return null;
                }
            }
        }
        double[] x = row(k, c.noPeriods(), model.trend, c.noPeriods() != 1);
        double eta = dot(x, model.glm.coefficients);
        double fit = PoissonGlm.linkinv(eta);
        double seLink = Math.sqrt(model.glm.unscaledVariance(x)) * Math.sqrt(model.summaryDispersion);
        return new Prediction(fit, seLink * Math.max(Math.exp(eta), 2.220446049250313e-16), model.phi);
    }

    /** R's algo.farrington.fitGLM.flexible: fit, fall back to no trend, reweight, floor the dispersion at 1. */
    private static Model fitFlexible(Data data, Control c, boolean trend) {
        boolean factors = c.noPeriods() != 1;
        int n = data.response.length;
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        double[][] x = design(data, c.noPeriods(), trend, factors);
        PoissonGlm glm = PoissonGlm.fit(x, data.response, ones);
        if (!glm.converged) {
            if (trend) {
                trend = false;
                x = design(data, c.noPeriods(), false, factors);
                glm = PoissonGlm.fit(x, data.response, ones);
            }
            if (!glm.converged) {
                return null;
            }
        }
        double phi = Math.max(glm.dispersion(), 1);
        if (c.reweight()) {
            double[] h = glm.hatValues();
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                double yi = data.response[i];
                double mu = glm.mu[i];
                s[i] = 1.5 * (Math.pow(yi, 2.0 / 3) * Math.pow(mu, -1.0 / 6) - Math.sqrt(mu))
                        / Math.sqrt(phi * (1 - h[i]));
            }
            double sum = 0;
            for (double si : s) {
                sum += si > c.weightsThreshold() ? Math.pow(si, -2) : 1;
            }
            double gamma = n / sum;
            double[] omega = new double[n];
            for (int i = 0; i < n; i++) {
                omega[i] = s[i] > c.weightsThreshold() ? gamma * Math.pow(s[i], -2) : gamma;
            }
            glm = PoissonGlm.fit(x, data.response, omega);
            // R does not check convergence of the reweighted fit
            phi = Math.max(glm.dispersion(), 1);
        }
        if (!glm.fullRank) {
            return null;
        }
        return new Model(glm, phi, trend, c.reweight() ? glm.dispersionWith(glm.priorWeights) : glm.dispersion());
    }

    private static double[][] design(Data data, int noPeriods, boolean trend, boolean factors) {
        int n = data.response.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = row(data.wtime[i], data.group[i], noPeriods, trend, factors);
        }
        return x;
    }

    private static double[] row(double wtime, int noPeriods, boolean trend, boolean factors) {
        return row(wtime, noPeriods, noPeriods, trend, factors);
    }

    /** (Intercept), wtime, seasgroups2..seasgroupsP: R's treatment contrasts with level 1 as reference. */
    private static double[] row(double wtime, int group, int noPeriods, boolean trend, boolean factors) {
        int p = 1 + (trend ? 1 : 0) + (factors ? noPeriods - 1 : 0);
        double[] r = new double[p];
        r[0] = 1;
        int j = 1;
        if (trend) {
            r[j++] = wtime;
        }
        if (factors) {
            for (int level = 2; level <= noPeriods; level++) {
                r[j++] = group == level ? 1 : 0;
            }
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
