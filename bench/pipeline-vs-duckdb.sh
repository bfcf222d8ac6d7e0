#!/usr/bin/env bash
# The local pipeline against plain DuckDB, on the same generated files: for each size, ./sparkify run
# (the state machine, the COPY emulation, the ledger, the incremental loads) and bench/baseline.sql
# (the same tables by plain DuckDB SQL), each in its own process. Prints seconds per phase, events per
# second, peak memory and the ratio to the baseline. Figures only; nothing is asserted.
#
#   bench/pipeline-vs-duckdb.sh                       # 100k, 1M and 10M events
#   bench/pipeline-vs-duckdb.sh 100000 1000000        # chosen sizes
#
# Generated data is kept in target/bench/ (10M events take about 5 GB) and reused.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000 10000000)

./sparkify --version > /dev/null   # builds the project when needed
work="$here/target/bench"
mkdir -p "$work"
classpath="$here/local/target/sparkify-local.jar:$here/local/target/lib/*"
timer=/usr/bin/time
[ -x "$timer" ] || { echo "bench: needs GNU time (/usr/bin/time, Debian package 'time')" >&2; exit 2; }

seconds_of() { grep -E "^  $1 " "$2" | awk '{s += $NF} END {printf "%.2f", s + 0}'; }
peak_mb() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s}' "$1"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java:    $(java -version 2>&1 | head -1)"
echo
rows=()
for n in "${sizes[@]}"; do
  data="$work/data-$n"
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    echo "generating $n events into $data ..."
    ./sparkify generate --out "$data" --events "$n" --users $(( n / 200 > 100 ? n / 200 : 100 )) \
        --songs $(( n / 50 > 300 ? n / 50 : 300 )) --seed 42 > /dev/null
    touch "$data/.complete"
  fi
  rm -f "$work/pipeline-$n.duckdb" "$work/pipeline-$n.duckdb.wal"
  # Both runs read the files from the page cache: without this, whichever runs first pays for the disk.
  find "$data" -type f -exec cat {} + > /dev/null
  echo "pipeline, $n events ..."
  $timer -v ./sparkify run --data "$data" --db "$work/pipeline-$n.duckdb" --history none \
      > "$work/pipeline-$n.out" 2> "$work/pipeline-$n.time"
  echo "baseline, $n events ..."
  $timer -v java -cp "$classpath" com.sparkify.dwh.local.bench.BaselineRun bench/baseline.sql "$data" \
      "$work/baseline-$n.duckdb" > "$work/baseline-$n.out" 2> "$work/baseline-$n.time"

  p_stage=$(seconds_of "stage (songs|events)" "$work/pipeline-$n.out")
  p_stage_wall=$(grep -E "^  stage (songs|events) " "$work/pipeline-$n.out" | awk '{if ($NF > m) m = $NF} END {printf "%.2f", m}')
  p_load=$(seconds_of "load (users|songs|songplays|time)" "$work/pipeline-$n.out")
  p_wall=$(wall_s "$work/pipeline-$n.time")
  p_start=$(grep -oE "started [0-9.]+ s after" "$work/pipeline-$n.out" | awk '{print $2}')
  b_stage=$(grep -E "^statement staging_" "$work/baseline-$n.out" | awk '{s += $NF} END {printf "%.2f", s}')
  b_load=$(grep -E "^statement (users|songs|artists|songplays|time) " "$work/baseline-$n.out" | awk '{s += $NF} END {printf "%.2f", s}')
  b_wall=$(wall_s "$work/baseline-$n.time")
  rows+=("$(printf "%10s  %6s %8s %8s %8s %9.0f %7s MB | %8s %8s %8s %7s MB | %5.2fx" "$n" \
      "${p_start:-?}" "$p_stage_wall" "$p_load" "$p_wall" "$(echo "$n / $p_wall" | bc -l)" "$(peak_mb "$work/pipeline-$n.time")" \
      "$b_stage" "$b_load" "$b_wall" "$(peak_mb "$work/baseline-$n.time")" "$(echo "$p_wall / $b_wall" | bc -l)")")
done
echo
echo "                         pipeline (./sparkify run)                            |  baseline (plain DuckDB SQL)          |"
echo "    events   start    stage     load    total  events/s    peak mem |    stage     load    total   peak mem | ratio"
for row in "${rows[@]}"; do echo "$row"; done
echo
echo "start: JVM start to the execution's first event; stage: the slower of the two parallel COPYs;"
echo "load: the load steps' sum; total: process wall time"
echo "(JVM start to exit, state machine and ledger included). Details: target/bench/*.out"
