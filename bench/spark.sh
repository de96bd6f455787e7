#!/usr/bin/env bash
# Measures Spotlight's Spark engine against hand-written Spark SQL for the same numbers
# (bench/SparkBench.java) on a pulled sample project of N events: compute only, one local[*]
# session, warm, median of R rounds each.
#
#   bench/spark.sh [N] [R]     N events (default 1000000), R timed rounds (default 5)
#
# Reuses bench/work/events-N/ when bench/run.sh (or an earlier run of this script) pulled it.
set -euo pipefail

events="${1:-1000000}"
rounds="${2:-5}"
cd "$(dirname "$0")/.."
work="bench/work/events-$events"

if [[ ! -d "$work/.spotlight/store/activity" ]]; then
  echo "bench: writing and pulling a sample of $events events in $work" >&2
  rm -rf "$work"
  ./spotlight sample --out "$work" --events "$events" --seed 1 >/dev/null
  SPOTLIGHT_PSEUDONYM_KEY="${SPOTLIGHT_PSEUDONYM_KEY:-spotlight-bench-key}" ./spotlight pull -p "$work/spotlight.yaml" --no-progress -q
fi
./spotlight --version >/dev/null  # builds cli/target/lib when stale

opens=""
for p in java.base/java.lang java.base/java.lang.invoke java.base/java.lang.reflect java.base/java.io java.base/java.net \
  java.base/java.nio java.base/java.util java.base/java.util.concurrent java.base/java.util.concurrent.atomic \
  java.base/jdk.internal.ref java.base/sun.nio.ch java.base/sun.nio.cs java.base/sun.security.action \
  java.base/sun.util.calendar java.security.jgss/sun.security.krb5; do
  opens="$opens --add-opens=$p=ALL-UNNAMED"
done
echo "bench: Spark compute, Spotlight vs hand-written SQL ($rounds rounds)" >&2
java $opens -Xmx4g -cp "cli/target/lib/*:cli/target/spotlight-cli.jar" bench/SparkBench.java "$work" "$rounds"
