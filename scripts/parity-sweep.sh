#!/usr/bin/env bash
# Computes every metric of a project on DuckDB and on Spark, for several periods and split by
# every dimension in turn, and lists every result that differs (scripts/ParitySweep.java). A wider,
# slower net than the parity suite in mvn verify; run it before a release or after changing a
# dialect. Without arguments it writes a 20,000-event sample project with the core catalogue to
# /tmp/spotlight-parity and sweeps it (7 to 17 minutes on 2 cores).
#
#   scripts/parity-sweep.sh [PROJECT_FILE [PERIOD,PERIOD,...]]
set -euo pipefail
cd "$(dirname "$0")/.."

project="${1:-}"
periods="${2:-2026-10,2026-Q3,2026,2025-11,2024-01,2026-09-28..2026-10-04,2026-10-25..2026-10-25}"
export SPOTLIGHT_PSEUDONYM_KEY="${SPOTLIGHT_PSEUDONYM_KEY:-spotlight-parity-sweep}"
if [ -z "$project" ]; then
  dir=/tmp/spotlight-parity
  if [ ! -d "$dir/.spotlight/store/activity" ]; then
    rm -rf "$dir"
    ./spotlight sample --out "$dir" --events 20000 --seed 3 >/dev/null
    sed -i 's|^metrics: \[metrics/impact.yaml\]|metrics: [{catalog: core}]|' "$dir/spotlight.yaml"
    ./spotlight pull -p "$dir/spotlight.yaml" --no-progress -q
  fi
  project="$dir/spotlight.yaml"
else
  ./spotlight --version >/dev/null   # builds the CLI when stale
fi

. scripts/spark-java-options.sh
java $SPARK_JAVA_OPTIONS -Xmx4g -cp "cli/target/lib/*:cli/target/spotlight-cli.jar" scripts/ParitySweep.java "$project" "$periods"
