package org.reach.earlywarning.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Not a test: times the four detectors in Java on weekly series of many sites against R's surveillance on the same
 * series (see bench/detectors.sh and docs/benchmarks.md).
 * <ul>
 *   <li>{@code write SITES WEEKS FILE}: seeded seasonal counts with outbreaks, one column per site;</li>
 *   <li>{@code time FILE RDIR}: times Java on FILE (one warm-up, then the median of three passes) and compares the
 *       upper bounds and alarms with those R wrote into RDIR, then prints both times and the ratio. When R ran on
 *       the first sites only (too slow for all), the comparison covers those and R's time is scaled to all sites
 *       in proportion, which holds because every series is judged on its own.</li>
 * </ul>
 */
public final class DetectorBenchmark {

    private static final List<String> DETECTORS = List.of("C1", "C2", "C3", "farrington");

    private DetectorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "write" -> write(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "time" -> time(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void write(int sites, int weeks, Path file) throws IOException {
        Random random = new Random(1_000L * sites + weeks);
        double[][] series = new double[sites][weeks];
        for (int s = 0; s < sites; s++) {
            double base = 1 + random.nextDouble() * 15;
            double amplitude = random.nextDouble() * 0.6;
            double trend = (random.nextDouble() - 0.5) * 0.002;
            for (int t = 0; t < weeks; t++) {
                double mean = base * Math.exp(amplitude * Math.sin(2 * Math.PI * (t + 1) / 52) + trend * t);
                series[s][t] = poisson(mean, random);
            }
            for (int o = 0; o < 3; o++) {
                int at = 170 + random.nextInt(Math.max(1, weeks - 175));
                for (int d = 0; d < 3 && at + d < weeks; d++) {
                    series[s][at + d] += Math.round(base * (1 + random.nextDouble() * 2));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sites; s++) {
            sb.append(s == 0 ? "" : ",").append("s").append(s + 1);
        }
        sb.append('\n');
        for (int t = 0; t < weeks; t++) {
            for (int s = 0; s < sites; s++) {
                sb.append(s == 0 ? "" : ",").append((long) series[s][t]);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    private static double poisson(double mean, Random random) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static void time(Path file, Path rDir) throws IOException {
        double[][] series = read(file);
        List<Function<double[], List<Signal>>> detectors = List.of(
                s -> EarsC.detect(s, EarsC.Control.of(EarsC.Method.C1)),
                s -> EarsC.detect(s, EarsC.Control.of(EarsC.Method.C2)),
                s -> EarsC.detect(s, EarsC.Control.of(EarsC.Method.C3)),
                s -> FarringtonFlexible.detect(s, FarringtonFlexible.Control.defaults()));
        runAll(series, detectors); // warm-up
        double[] seconds = new double[3];
        List<List<List<Signal>>> results = null;
        for (int pass = 0; pass < seconds.length; pass++) {
            // CPU time of this thread, as R reports its own: the machine is shared
            long started = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            results = runAll(series, detectors);
            seconds[pass] = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                    - started) / 1e9;
        }
        Arrays.sort(seconds);
        double java = seconds[1];
        double rSample = Double.parseDouble(Files.readString(rDir.resolve("seconds.txt")).strip());
        int weeks = series[0].length;
        int rSites = read(rDir.resolve("C1_alarm.csv")).length;
        double r = rSample * series.length / rSites;
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%d sites x %d weeks, C1 C2 C3 farringtonFlexible%n", series.length,
                weeks));
        report.append(String.format(Locale.ROOT, "  alarms and bounds compared with R on %d sites%n", rSites));
        for (int d = 0; d < DETECTORS.size(); d++) {
            double[][] rBounds = read(rDir.resolve(DETECTORS.get(d) + "_upperbound.csv"));
            double[][] rAlarms = read(rDir.resolve(DETECTORS.get(d) + "_alarm.csv"));
            int alarms = 0;
            int alarmDiffs = 0;
            double worst = 0;
            for (int s = 0; s < rSites; s++) {
                double[] bounds = new double[weeks];
                double[] alarmed = new double[weeks];
                Arrays.fill(bounds, Double.NaN);
                Arrays.fill(alarmed, Double.NaN);
                for (Signal signal : results.get(d).get(s)) {
                    bounds[signal.week() - 1] = signal.upperbound();
                    alarmed[signal.week() - 1] = signal.alarm() == null ? Double.NaN : signal.alarmed() ? 1 : 0;
                }
                for (int t = 0; t < weeks; t++) {
                    double rb = rBounds[s][t];
                    double ra = rAlarms[s][t];
                    if (alarmed[t] == 1) {
                        alarms++;
                    }
                    if (!(Double.isNaN(ra) && Double.isNaN(alarmed[t])) && ra != alarmed[t]) {
                        alarmDiffs++;
                    }
                    if (!Double.isNaN(rb) && rb != 0) {
                        worst = Math.max(worst, Math.abs(bounds[t] - rb) / Math.abs(rb));
                    } else if (Double.isNaN(rb) != Double.isNaN(bounds[t])) {
                        worst = Double.POSITIVE_INFINITY;
                    }
                }
            }
            report.append(String.format(Locale.ROOT, "  %-10s alarms %6d, weeks alarmed differently from R %d,"
                    + " largest relative difference of the upper bound %.1e%n", DETECTORS.get(d), alarms, alarmDiffs,
                    worst));
        }
        if (rSites < series.length) {
            report.append(String.format(Locale.ROOT, "  R ran on the first %d of %d sites (compared above): %.2f s,"
                    + " scaled to %d sites%n", rSites, series.length, rSample, series.length));
        }
        report.append(String.format(Locale.ROOT, "  R (surveillance 1.20.3), CPU: %.2f s%n", r));
        report.append(String.format(Locale.ROOT, "  Java, CPU (median of 3 after a warm-up pass): %.3f s %s%n", java,
                Arrays.toString(seconds)));
        report.append(String.format(Locale.ROOT, "  Java is %.0fx faster than R%n", r / java));
        System.out.print(report);
    }

    private static List<List<List<Signal>>> runAll(double[][] series, List<Function<double[], List<Signal>>> detectors) {
        List<List<List<Signal>>> all = new ArrayList<>();
        for (Function<double[], List<Signal>> detector : detectors) {
            List<List<Signal>> perSite = new ArrayList<>(series.length);
            for (double[] s : series) {
                perSite.add(detector.apply(s));
            }
            all.add(perSite);
        }
        return all;
    }

    /** A CSV with a header and one column per site, as [site][week]; NA as NaN. */
    private static double[][] read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            int sites = lines.get(0).split(",").length;
            int weeks = lines.size() - 1;
            double[][] out = new double[sites][weeks];
            for (int t = 0; t < weeks; t++) {
                String[] cells = lines.get(t + 1).split(",");
                for (int s = 0; s < sites; s++) {
                    String c = cells[s].strip();
                    out[s][t] = c.equals("NA") ? Double.NaN : c.equals("TRUE") ? 1 : c.equals("FALSE") ? 0
                            : Double.parseDouble(c);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
