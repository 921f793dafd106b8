#!/usr/bin/env bash
# Times the four early-warning detectors in Java against R's surveillance package on the same series in one run.
# Usage: bench/detectors.sh [SITES] [WEEKS]   (defaults 1000 sites x 520 weeks, i.e. 10 years)
# Installs R's surveillance from Debian when it is missing; the tests never need R.
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=${1:-1000}
WEEKS=${2:-520}
BUILD=${BUILD:-/tmp/reach-bench-build}
WORK=$(mktemp -d)
if ! Rscript -e 'stopifnot(packageVersion("surveillance") == "1.20.3")' >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y --no-install-recommends r-cran-surveillance
fi
./mvnw -q -Dreach.build.dir="$BUILD" test-compile
./mvnw -q -Dreach.build.dir="$BUILD" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt"
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$WORK/classpath.txt")"
java -cp "$CP" org.reach.earlywarning.detection.DetectorBenchmark write "$SITES" "$WEEKS" "$WORK/series.csv"
Rscript bench/detectors.R "$WORK/series.csv" "$WORK/r"
java -cp "$CP" org.reach.earlywarning.detection.DetectorBenchmark time "$WORK/series.csv" "$WORK/r"
rm -rf "$WORK"
