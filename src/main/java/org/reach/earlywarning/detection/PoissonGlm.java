package org.reach.earlywarning.detection;

/**
 * A Poisson GLM with log link fitted the way R's {@code glm.fit} does: start at {@code y + 0.1}, iteratively
 * reweighted least squares solved by Householder QR of the weighted design, stop when the deviance changes by less
 * than 1e-8 relative (at most 25 iterations). Like R, the working weights and QR kept with the fit are those of the
 * last least-squares step, so dispersion, hat values and standard errors agree with {@code summary.glm},
 * {@code hatvalues} and {@code predict.glm} to rounding.
 */
final class PoissonGlm {

    private static final double EPS = 2.220446049250313e-16;
    private static final double EPSILON = 1e-8;
    private static final int MAX_ITERATIONS = 25;

    final int n;
    final int p;
    final double[] coefficients;
    final double[] mu;
    final double[] y;
    final double[] priorWeights;
    /** R's {@code object$weights}: working weights of the last iteration. */
    final double[] workingWeights;
    /** Upper triangle of the QR of the weighted design of the last iteration, p × p. */
    final double[][] r;
    /** Householder vectors of that QR, kept for the hat values. */
    private final double[][] householder;
    private final double[] tau;
    final boolean converged;
    final boolean fullRank;

    private PoissonGlm(int n, int p, double[] coefficients, double[] mu, double[] y, double[] priorWeights,
            double[] workingWeights, double[][] r, double[][] householder, double[] tau, boolean converged,
            boolean fullRank) {
        this.n = n;
        this.p = p;
        this.coefficients = coefficients;
        this.mu = mu;
        this.y = y;
        this.priorWeights = priorWeights;
        this.workingWeights = workingWeights;
        this.r = r;
        this.householder = householder;
        this.tau = tau;
        this.converged = converged;
        this.fullRank = fullRank;
    }

    /** Fits {@code y ~ x} (x is n × p, columns as R's model matrix) with prior weights. */
    static PoissonGlm fit(double[][] x, double[] y, double[] weights) {
        int n = y.length;
        int p = x[0].length;
        double[] eta = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = Math.log(y[i] + 0.1);
            mu[i] = linkinv(eta[i]);
        }
        double devold = deviance(y, mu, weights);
        double[] coef = new double[p];
        double[] w = new double[n];
        Qr qr = null;
        boolean converged = false;
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            double[][] a = new double[n][p];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                double muEta = linkinv(eta[i]);
                double z = eta[i] + (y[i] - mu[i]) / muEta;
                w[i] = Math.sqrt(weights[i] * muEta * muEta / mu[i]);
                for (int j = 0; j < p; j++) {
                    a[i][j] = x[i][j] * w[i];
                }
                b[i] = z * w[i];
            }
            qr = Qr.of(a, b);
            if (!qr.fullRank) {
                return new PoissonGlm(n, p, coef, mu, y, weights, square(w), qr.r, qr.v, qr.tau, false, false);
            }
            coef = qr.solve();
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int j = 0; j < p; j++) {
                    e += x[i][j] * coef[j];
                }
                eta[i] = e;
                mu[i] = linkinv(e);
            }
            double dev = deviance(y, mu, weights);
            if (!Double.isFinite(dev)) {
                break;
            }
            if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < EPSILON) {
                converged = true;
                break;
            }
            devold = dev;
        }
        return new PoissonGlm(n, p, coef, mu, y, weights, square(w), qr.r, qr.v, qr.tau, converged, true);
    }

    private static double[] square(double[] w) {
        double[] s = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            s[i] = w[i] * w[i];
        }
        return s;
    }

    static double linkinv(double eta) {
        return Math.max(Math.exp(eta), EPS);
    }

    private static double deviance(double[] y, double[] mu, double[] wt) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += y[i] > 0 ? 2 * wt[i] * (y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i])) : 2 * mu[i] * wt[i];
        }
        return d;
    }

    int dfResidual() {
        int ok = 0;
        for (double w : priorWeights) {
            if (w != 0) {
                ok++;
            }
        }
        return ok - p;
    }

    /** {@code summary.glm(...)$dispersion} for the quasi-Poisson family: Pearson chi-square over residual df. */
    double dispersion() {
        return dispersionWith(workingWeights);
    }

    /** The same Pearson sum with other weights in place of the working weights. */
    double dispersionWith(double[] weights) {
        int df = dfResidual();
        if (df <= 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                double res = (y[i] - mu[i]) / mu[i];
                sum += weights[i] * res * res;
            }
        }
        return sum / df;
    }

    /** x' (R'R)^-1 x, the unscaled variance of a linear predictor. */
    double unscaledVariance(double[] row) {
        double[] v = forwardSolveTransposed(row);
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    /** Solves R' v = row. */
    private double[] forwardSolveTransposed(double[] row) {
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            double s = row[i];
            for (int k = 0; k < i; k++) {
                s -= r[k][i] * v[k];
            }
            v[i] = s / r[i][i];
        }
        return v;
    }

    /** Diagonal of (R'R)^-1 at j: the unscaled variance of coefficient j. */
    double unscaledCoefficientVariance(int j) {
        double[] e = new double[p];
        e[j] = 1;
        // (R'R)^-1 = R^-1 R^-T; its (j,j) entry is the squared norm of row j of R^-1 = column j of R^-T
        double[][] rInv = new double[p][p];
        for (int c = 0; c < p; c++) {
            for (int i = p - 1; i >= 0; i--) {
                double s = i == c ? 1 : 0;
                for (int k = i + 1; k < p; k++) {
                    s -= r[i][k] * rInv[k][c];
                }
                rInv[i][c] = s / r[i][i];
            }
        }
        double s = 0;
        for (int c = 0; c < p; c++) {
            s += rInv[j][c] * rInv[j][c];
        }
        return s;
    }

    /** {@code hatvalues(model)}: the diagonal of the hat matrix of the last weighted least-squares step. */
    double[] hatValues() {
        double[] h = new double[n];
        for (int j = 0; j < p; j++) {
            // column j of Q: apply the reflections in reverse to e_j
            double[] q = new double[n];
            q[j] = 1;
            for (int k = p - 1; k >= 0; k--) {
                applyReflection(k, q);
            }
            for (int i = 0; i < n; i++) {
                h[i] += q[i] * q[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (h[i] > 1 - 10 * EPS) {
                h[i] = 1;
            }
        }
        return h;
    }

    private void applyReflection(int k, double[] q) {
        double[] v = householder[k];
        double s = 0;
        for (int i = k; i < n; i++) {
            s += v[i] * q[i];
        }
        s *= tau[k];
        for (int i = k; i < n; i++) {
            q[i] -= s * v[i];
        }
    }

    /** Householder QR of a (n × p) with right-hand side b. */
    private static final class Qr {
        final double[][] r;
        final double[][] v;
        final double[] tau;
        final double[] qtb;
        final boolean fullRank;

        private Qr(double[][] r, double[][] v, double[] tau, double[] qtb, boolean fullRank) {
            this.r = r;
            this.v = v;
            this.tau = tau;
            this.qtb = qtb;
            this.fullRank = fullRank;
        }

        static Qr of(double[][] a, double[] b) {
            int n = a.length;
            int p = a[0].length;
            double[][] vs = new double[p][];
            double[] taus = new double[p];
            double[] rhs = b.clone();
            boolean fullRank = true;
            double[] originalNorms = new double[p];
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += a[i][j] * a[i][j];
                }
                originalNorms[j] = Math.sqrt(s);
            }
            for (int k = 0; k < p; k++) {
                double norm = 0;
                for (int i = k; i < n; i++) {
                    norm = Math.hypot(norm, a[i][k]);
                }
                if (!(norm > 1e-11 * originalNorms[k]) || n <= k) {
                    fullRank = false;
                    return new Qr(new double[p][p], vs, taus, rhs, false);
                }
                double alpha = a[k][k] > 0 ? -norm : norm;
                double[] v = new double[n];
                v[k] = a[k][k] - alpha;
                for (int i = k + 1; i < n; i++) {
                    v[i] = a[i][k];
                }
                double vv = 0;
                for (int i = k; i < n; i++) {
                    vv += v[i] * v[i];
                }
                double t = vv == 0 ? 0 : 2 / vv;
                for (int j = k; j < p; j++) {
                    double s = 0;
                    for (int i = k; i < n; i++) {
                        s += v[i] * a[i][j];
                    }
                    s *= t;
                    for (int i = k; i < n; i++) {
                        a[i][j] -= s * v[i];
                    }
                }
                double s = 0;
                for (int i = k; i < n; i++) {
                    s += v[i] * rhs[i];
                }
                s *= t;
                for (int i = k; i < n; i++) {
                    rhs[i] -= s * v[i];
                }
                vs[k] = v;
                taus[k] = t;
            }
            double[][] r = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    r[i][j] = a[i][j];
                }
            }
            return new Qr(r, vs, taus, rhs, fullRank);
        }

        double[] solve() {
            int p = r.length;
            double[] c = new double[p];
            for (int i = p - 1; i >= 0; i--) {
                double s = qtb[i];
                for (int k = i + 1; k < p; k++) {
                    s -= r[i][k] * c[k];
                }
                c[i] = s / r[i][i];
            }
            return c;
        }
    }
}
