package org.reach.earlywarning.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * The CDC's Early Aberration Reporting System methods C1, C2 and C3 exactly as R's {@code surveillance::earsC}
 * (version 1.20.3) computes them. C1 compares a week with the mean and standard deviation of the {@code baseline}
 * weeks just before it; C2 leaves a gap of two weeks before that baseline; C3 adds the excess of the two previous
 * C2 statistics over 1 to the test. Missing counts are {@code NaN} and give an {@code NA} bound and alarm.
 */
public final class EarsC {

    public enum Method { C1, C2, C3 }

    /** R's control list; {@link #of(Method)} gives the defaults baseline 7, alpha 0.001 and minSigma 0. */
    public record Control(Method method, int baseline, double alpha, double minSigma) {

        public Control {
            if (baseline < 3) {
                throw new IllegalArgumentException("Minimum baseline to use is 3.");
            }
            if (minSigma < 0) {
                throw new IllegalArgumentException("minSigma must not be negative");
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must lie between 0 and 1");
            }
        }

        public static Control of(Method method) {
            return new Control(method, 7, 0.001, 0);
        }

        /** The weeks before the first one judged: R's default range starts right after them. */
        public int maxLag() {
            return switch (method) {
                case C1 -> baseline;
                case C2 -> baseline + 2;
                case C3 -> baseline + 4;
            };
        }
    }

    private EarsC() {
    }

    /** Judges every week R's default range holds; a series too short for one week gives no signal. */
    public static List<Signal> detect(double[] observed, Control control) {
        return detect(observed, control, control.maxLag() + 1, observed.length);
    }

    /** Judges weeks {@code from..to} (1-based, inclusive); weeks without enough history before them are skipped. */
    public static List<Signal> detect(double[] observed, Control control, int from, int to) {
        int first = Math.max(from, control.maxLag() + 1);
        int last = Math.min(to, observed.length);
        List<Signal> signals = new ArrayList<>(Math.max(0, last - first + 1));
        double z = Normal.quantile(1 - control.alpha());
        int b = control.baseline();
        for (int t = first; t <= last; t++) {
            double y = observed[t - 1];
            double bound = switch (control.method()) {
                case C1 -> {
                    Moments m = moments(observed, t - b, t - 1);
                    yield m.mean + z * sigma(m.sd, control.minSigma());
                }
                case C2 -> {
                    Moments m = moments(observed, t - b - 2, t - 3);
                    yield m.mean + z * sigma(m.sd, control.minSigma());
                }
                case C3 -> {
                    double lag2 = Math.max(0, c2(observed, t - 2, control) - 1);
                    double lag1 = Math.max(0, c2(observed, t - 1, control) - 1);
                    Moments m = moments(observed, t - b - 2, t - 3);
                    yield Math.max(0, y + sigma(m.sd, control.minSigma()) * (z - (lag2 + lag1)));
                }
            };
            signals.add(new Signal(t, y, bound, Double.isNaN(y) || Double.isNaN(bound) ? null : y > bound));
        }
        return signals;
    }

    /** R's {@code pmax(sd, minSigma)}: an NA standard deviation stays NA. */
    private static double sigma(double sd, double minSigma) {
        return Double.isNaN(sd) ? Double.NaN : Math.max(sd, minSigma);
    }

    private static double c2(double[] observed, int t, Control control) {
        int b = control.baseline();
        Moments m = moments(observed, t - b - 2, t - 3);
        return (observed[t - 1] - m.mean) / sigma(m.sd, control.minSigma());
    }

    private record Moments(double mean, double sd) {
    }

    /** Mean and sample standard deviation of weeks {@code from..to} (1-based), two-pass like R's. */
    private static Moments moments(double[] x, int from, int to) {
        int n = to - from + 1;
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += x[i - 1];
        }
        double mean = sum / n;
        if (Double.isFinite(mean)) {
            double correction = 0;
            for (int i = from; i <= to; i++) {
                correction += x[i - 1] - mean;
            }
            mean += correction / n;
        }
        double ss = 0;
        for (int i = from; i <= to; i++) {
            double d = x[i - 1] - mean;
            ss += d * d;
        }
        return new Moments(mean, Math.sqrt(ss / (n - 1)));
    }
}
