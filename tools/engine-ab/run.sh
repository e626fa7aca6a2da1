#!/usr/bin/env bash
# A/B comparison of the event kernel across git revisions, for changes too small for JMH on a noisy machine.
#
#   tools/engine-ab/run.sh [-p PENDING] [-r ROUNDS] [-n EVENTS_PER_ROUND] REV [REV...]
#
# Copies simulator-core's engine package of each revision (REV may also be WORKTREE: the working copy) into its
# own package v0, v1, ... and runs them in ONE JVM on the hold model of EventQueueBenchmark (Simulation.step),
# alternating them round by round and timing each round by thread CPU time. It prints each copy's events/s and
# the median ratio of the first copy's time to its own (1.10 = 10% faster than the first). Two copies of the same
# revision read 0.97-1.03: differences inside that band are noise. Pin it away from other work if the machine is
# shared (e.g. `taskset -c 1 tools/engine-ab/run.sh ...`). Needs a JDK and commons-math3 in ~/.m2 (any build).
# The figures in docs/benchmarks.md are JMH's; this tool only ranks candidates.
set -euo pipefail
pending=1000 rounds=200 per=500000
while getopts "p:r:n:" o; do
  case $o in p) pending=$OPTARG ;; r) rounds=$OPTARG ;; n) per=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
if [ $# -lt 1 ]; then
  echo "usage: $0 [-p PENDING] [-r ROUNDS] [-n EVENTS_PER_ROUND] REV [REV...]" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tools/engine-ab"
engine=simulator-core/src/main/java/dev/fleetsim/engine
math=$(ls ~/.m2/repository/org/apache/commons/commons-math3/*/commons-math3-*.jar 2>/dev/null | head -n 1)
if [ -z "$math" ]; then
  echo "commons-math3 not found in ~/.m2: run mvn -B verify once" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
for rev in "$@"; do
  dir="$work/src/v$i"
  mkdir -p "$dir"
  if [ "$rev" = WORKTREE ]; then
    files=$(cd "$root" && ls $engine/*.java)
  else
    files=$(cd "$root" && git ls-tree --name-only "$rev" $engine/ | grep '\.java$')
  fi
  for f in $files; do
    if [ "$rev" = WORKTREE ]; then cat "$root/$f"; else (cd "$root" && git show "$rev:$f"); fi \
      | sed "s/^package dev\.fleetsim\.engine;/package v$i;/" > "$dir/$(basename "$f")"
  done
  sed "s/^package PKG;/package v$i;/" "$here/HoldDriver.java.in" > "$dir/HoldDriver.java"
  i=$((i + 1))
done
mkdir -p "$work/out"
javac -nowarn -d "$work/out" -cp "$math" $(find "$work/src" -name '*.java') "$here/EngineAb.java" 2>&1 | grep -v '^Note:' || true
java -cp "$work/out:$math" EngineAb "$pending" "$rounds" "$per" "$@"
