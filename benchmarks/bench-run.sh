#!/usr/bin/env bash
# Every measured figure of docs/benchmarks.md, in one go. Run it on a quiet machine (nothing else building or
# testing: the figures are only as good as the load during the run, which this script records before and after
# every step). 5 min 21 s on the 2-core reference machine (2026-11-22, docs/benchmarks.md).
#
#   benchmarks/bench-run.sh RESULTS_DIR
#
# RESULTS_DIR gets, per step, STEP.txt (the JMH or CLI output) and STEP.json (JMH's JSON results), plus
# machine.txt (machine, JDK, commit) and load.txt (uptime before and after each step). Set
# FLEETSIM_BENCH_SKIP_BUILD=1 to reuse an up-to-date benchmarks/target/benchmarks.jar.
#
# The steps and their commands are also in each benchmark's Javadoc.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 RESULTS_DIR" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
started=$(date +%s)

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "uptime: $(uptime)"
  echo "nproc: $(nproc)"
  echo "cpu: $(lscpu 2>/dev/null | grep 'Model name' | sed 's/.*: *//')"
  echo "memory: $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GiB"}')"
  echo "java: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unknown) ($(git status --porcelain 2>/dev/null | wc -l) files changed)"
} > "$out/machine.txt"
cat "$out/machine.txt"

if [ "${FLEETSIM_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "== build"
  mvn -B -q -o -DskipTests -pl benchmarks -am package
fi

# step NAME ARGS...: one JMH invocation, results in NAME.txt and NAME.json.
step() {
  local name=$1
  shift
  echo "== $name: java -jar $jar $*"
  echo "$name before: $(uptime)" >> "$out/load.txt"
  if ! java -jar "$jar" "$@" -rf json -rff "$out/$name.json" 2>&1 | tee "$out/$name.txt"; then
    echo "$name FAILED" | tee -a "$out/failed.txt"
  fi
  echo "$name after:  $(uptime)" >> "$out/load.txt"
}

# Engine, hold model at 1 k and 1 M pending: the queue and the three baselines, three forks (JIT decisions differ
# between forks by up to ~10% on this VM) (~7 min).
step engine EventQueueBenchmark -f 3 -wi 3 -w 2s -i 5 -r 2s
# Engine allocation per event (gc.alloc.rate.norm is per operation = per event) (~1 min).
step engine-gc EventQueueBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s -p queue=fleetsim,heap4ary -prof gc

# End to end, the pinned peer scenarios (100 hosts; at 100k and 1M most tasks wait), within -Xmx1g.
step e2e-pinned EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=10000,100000,1000000 -p hosts=100 -jvmArgsAppend -Xmx1g
# Time against tasks on a fleet sized to the load (hosts = tasks / 100, every task runs; 10k on 100 is above).
step e2e-tasks-100k EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=100000 -p hosts=1000 -jvmArgsAppend -Xmx1g
step e2e-tasks-1m EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=1000000 -p hosts=10000 -jvmArgsAppend -Xmx1g
# Time against hosts, 10,000 tasks (every point runs every task).
step e2e-hosts EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=10000 -p hosts=100,1000,10000,100000 -jvmArgsAppend -Xmx1g
# End-to-end allocation per run; divide by the events printed in the '# end-to-end' line for bytes per event.
step e2e-gc EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=100000,1000000 -p hosts=10000 -jvmArgsAppend -Xmx1g -prof gc

# The peer: CloudSim Plus at 10k jobs (~30 s, one shot). 100k does not finish in 10 minutes (see its Javadoc).
step peer-10k PeerCloudSimPlusBenchmark -f 1 -wi 0 -i 1 -p size=10000

# Billing, placement, catalog (~3 min together).
step billing BillingBenchmark
step placement PlacementBenchmark
step catalog CatalogLoadBenchmark -f 1 -i 5

# The CLI on the pinned 1M scenario and on a fleet sized to it: wall time and events/s (stderr), peak memory.
cli() {
  local name=$1
  shift
  echo "== $name: ./fleetsim run $*"
  echo "$name before: $(uptime)" >> "$out/load.txt"
  local timer=()
  if [ -x /usr/bin/time ]; then
    timer=(/usr/bin/time -v)
  fi
  if ! FLEETSIM_JAVA_OPTS=-Xmx1g "${timer[@]}" ./fleetsim run "$@" > "$out/$name.txt" 2>&1; then
    echo "$name FAILED" | tee -a "$out/failed.txt"
  fi
  echo "$name after:  $(uptime)" >> "$out/load.txt"
  grep -E 'wall time|ecs-task|Maximum resident' "$out/$name.txt" || true
}
group=ecs.clusters[0].capacityProviders[0].group
cli cli-peer-1m scenarios/bench/peer-1m.yaml
cli cli-peer-1m-10000-hosts scenarios/bench/peer-1m.yaml --set $group.min=10000 --set $group.max=10000 \
    --set $group.desired=10000

elapsed=$(( $(date +%s) - started ))
echo "done in $((elapsed / 60)) min $((elapsed % 60)) s; results in $out" | tee -a "$out/machine.txt"
