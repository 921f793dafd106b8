#!/bin/sh
# Record linkage benchmark (docs/benchmarks.md): the Dice kernel in Java against the same loop in C, timed in one
# run on this machine, then the blocked end-to-end linkage. The C program is compiled here from the committed
# source; nothing is downloaded.
#   bench/linkage.sh [rows for end to end, default 1000000] [threads, default 2]
set -eu
cd "$(dirname "$0")/.."
BUILD="${REACH_BUILD_DIR:-target}"
ROWS="${1:-1000000}"
KERNEL_ONLY="${KERNEL_ONLY:-no}"
THREADS="${2:-2}"
PLANTED=$((ROWS / 10))
mkdir -p "$BUILD/bench"
gcc -O3 -march=native -o "$BUILD/bench/linkage_kernel" bench/linkage_kernel.c
# The same loop without vector instructions: one scalar popcnt per word, as Java 17's C2 emits it.
gcc -O3 -march=native -fno-tree-vectorize -fno-tree-slp-vectorize -mno-avx512vpopcntdq -o "$BUILD/bench/linkage_kernel_scalar" bench/linkage_kernel.c
./mvnw -o -q -Dreach.build.dir="$BUILD" test-compile
CP="$BUILD/classes:$BUILD/test-classes"
JAVA="java -Xmx6g -XX:+UseParallelGC -cp $CP org.reach.linkage.LinkageBenchmark"

echo "== kernel: 1000 x 100000 random 1,024-bit filters, every pair, best of 5 (one core each)"
C_LINE=$("$BUILD/bench/linkage_kernel" 1000 100000 5)
JAVA_LINE=$($JAVA kernel 1000 100000 5)
SCALAR_LINE=$("$BUILD/bench/linkage_kernel_scalar" 1000 100000 5)
echo "$C_LINE"
echo "$JAVA_LINE"
echo "scalar $SCALAR_LINE"
C_RATE=$(echo "$C_LINE" | awk '{print $3}')
JAVA_RATE=$(echo "$JAVA_LINE" | awk '{print $3}')
SCALAR_RATE=$(echo "$SCALAR_LINE" | awk '{print $3}')
awk -v j="$JAVA_RATE" -v c="$C_RATE" -v s="$SCALAR_RATE" 'BEGIN { printf "java / c = %.2f  java / scalar c = %.2f  (java %.0f M/s, c %.0f M/s, scalar c %.0f M/s)\n", j / c, j / s, j / 1e6, c / 1e6, s / 1e6 }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

[ "$KERNEL_ONLY" = yes ] && exit 0
echo "== end to end: $ROWS x $ROWS, $THREADS threads, $PLANTED planted second registrations"
$JAVA end-to-end "$ROWS" "$THREADS" "$PLANTED"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
