#!/usr/bin/env bash
# Compute-only benchmark: `spotlight compute` against hand-written DuckDB SQL on an already-pulled
# store (bench/ComputeBench.java). Writes and pulls the sample project first when it is missing.
#
#   bench/compute.sh [N] [RUNS]     N events (default 10000000), RUNS timed runs of each side (default 21)
set -euo pipefail

events="${1:-10000000}"
runs="${2:-21}"
if [[ ! "$events" =~ ^[0-9]+$ || ! "$runs" =~ ^[0-9]+$ ]]; then
  echo "usage: bench/compute.sh [EVENTS] [RUNS]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
work="bench/work/events-$events"

if [[ ! -d "$work/.spotlight/store/activity" ]]; then
  echo "bench: writing and pulling a sample of $events events in $work" >&2
  rm -rf "$work"
  ./spotlight sample --out "$work" --events "$events" --seed 1 >/dev/null
  ./spotlight pull -p "$work/spotlight.yaml" --no-progress -q
else
  ./spotlight --version >/dev/null   # rebuilds the CLI when the sources changed
fi
if [[ ! -d cli/target/lib ]]; then
  echo "bench: cli/target/lib is missing; build with: mvn -B -pl cli -am package -DskipTests" >&2
  exit 1
fi
java -cp "cli/target/spotlight-cli.jar:cli/target/lib/*" bench/ComputeBench.java "$work" "$runs"
