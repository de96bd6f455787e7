#!/usr/bin/env bash
# Measures `spotlight run` against hand-written DuckDB SQL (bench/Reference.java) on one synthetic
# sample project of N events, prints a table and appends a line to bench/results.md.
#
#   bench/run.sh [N]        N events across all sources (default 1000000)
#
# Run from anywhere; it works in the repository root. Generated data goes to bench/work/ (git-ignored).
set -euo pipefail

events="${1:-1000000}"
if [[ ! "$events" =~ ^[0-9]+$ ]]; then
  echo "usage: bench/run.sh [EVENTS]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."

period=2026-10
seed=1
work="bench/work/events-$events"
results=bench/results.md

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; } >/dev/null
if [[ ! -x ./spotlight ]]; then
  echo "bench: ./spotlight (the repository's launcher) is missing" >&2
  exit 1
fi

# Seconds from GNU time's "Elapsed (wall clock) time (h:mm:ss or m:ss): ..." line.
elapsed_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, part, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + part[i]
    printf "%.2f", s
  }' "$1"
}

peak_rss_mb() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

echo "bench: writing a sample of $events events to $work" >&2
rm -rf "$work"
./spotlight sample --out "$work" --events "$events" --seed "$seed" >/dev/null

echo "bench: spotlight run --period $period" >&2
/usr/bin/time -v -o "$work/spotlight-time.txt" \
  ./spotlight run -p "$work/spotlight.yaml" --period "$period" --no-progress -q
spotlight_s=$(elapsed_seconds "$work/spotlight-time.txt")
rss_mb=$(peak_rss_mb "$work/spotlight-time.txt")

if [[ ! -d cli/target/lib ]]; then
  echo "bench: cli/target/lib is missing; build with: mvn -B -pl cli -am package -DskipTests" >&2
  exit 1
fi
echo "bench: reference SQL on DuckDB" >&2
java -cp "cli/target/lib/*" bench/Reference.java "$work" | tee "$work/reference.txt" >&2
reference_s=$(awk '/^reference seconds:/ { printf "%.2f", $3 }' "$work/reference.txt")

echo "bench: spotlight's numbers for the same period, to compare with the reference's" >&2
./spotlight compute -p "$work/spotlight.yaml" --period "$period" --by grantee \
  --metric events --metric participants --format csv >&2 \
  || echo "bench: (spotlight compute failed; the timing above still stands)" >&2

ratio=$(awk -v a="$spotlight_s" -v b="$reference_s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')

printf '\n%12s  %12s  %12s  %7s  %12s\n' events "spotlight s" "reference s" ratio "peak RSS MB"
printf '%12s  %12s  %12s  %7s  %12s\n' "$events" "$spotlight_s" "$reference_s" "$ratio" "$rss_mb"

if [[ ! -f "$results" ]]; then
  printf '| date (UTC) | commit | events | spotlight s | reference s | ratio | peak RSS MB | cores |\n' >"$results"
  printf '|---|---|---:|---:|---:|---:|---:|---:|\n' >>"$results"
fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit" "$events" \
  "$spotlight_s" "$reference_s" "$ratio" "$rss_mb" "$(nproc)" >>"$results"
