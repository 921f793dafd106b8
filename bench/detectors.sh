#!/usr/bin/env bash
# Times the four early-warning detectors in Java against R's surveillance package on the same series in one run.
# Usage: bench/detectors.sh [SITES] [WEEKS] [R_SITES]   (defaults 1000 sites x 520 weeks, i.e. 10 years; R on all)
# R_SITES < SITES runs R on the first R_SITES series only (R needs about 2 CPU seconds per 10-year series) and
# scales its time to SITES; Java always runs on all of them and is compared with R where R ran.
# Installs R's surveillance from Debian when it is missing; the tests never need R. MVN_FLAGS (e.g. -o) go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=${1:-1000}
WEEKS=${2:-520}
R_SITES=${3:-$SITES}
BUILD=${BUILD:-/tmp/reach-bench-build}
WORK=$(mktemp -d)
if ! Rscript -e 'stopifnot(packageVersion("surveillance") == "1.20.3")' >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y --no-install-recommends r-cran-surveillance
fi
./mvnw -q ${MVN_FLAGS:-} -Dreach.build.dir="$BUILD" test-compile
./mvnw -q ${MVN_FLAGS:-} -Dreach.build.dir="$BUILD" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt"
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$WORK/classpath.txt")"
java -cp "$CP" org.reach.earlywarning.detection.DetectorBenchmark write "$SITES" "$WEEKS" "$WORK/series.csv"
cut -d, -f1-"$R_SITES" "$WORK/series.csv" > "$WORK/r-series.csv"
Rscript bench/detectors.R "$WORK/r-series.csv" "$WORK/r"
java -cp "$CP" org.reach.earlywarning.detection.DetectorBenchmark time "$WORK/series.csv" "$WORK/r"
rm -rf "$WORK"
