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

. scripts/spark-java-options.sh
echo "bench: Spark compute, Spotlight vs hand-written SQL ($rounds rounds)" >&2
java $SPARK_JAVA_OPTIONS -Xmx4g -cp "cli/target/lib/*:cli/target/spotlight-cli.jar" bench/SparkBench.java "$work" "$rounds"
