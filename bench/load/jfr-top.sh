#!/usr/bin/env bash
# Summarises a JFR recording of the service under load (bench/load.sh with LOAD_JFR=1): the methods most often on
# top of the stack (self time), the frames most often anywhere on the stack (inclusive), and where threads waited
# on monitors. JDK 17's jfr has no "view" command, so this aggregates `jfr print` output.
#   bench/load/jfr-top.sh target/load/service.jfr [lines]
set -euo pipefail
JFR=$1
N=${2:-25}
echo "### Self: top-of-stack frames of execution samples"
jfr print --events jdk.ExecutionSample --stack-depth 1 "$JFR" | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' \
  | sort | uniq -c | sort -rn | head -"$N"
echo
echo "### Inclusive: frames anywhere on sampled stacks (depth 64), counted once a sample"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$JFR" | awk '
  /jdk.ExecutionSample/ { for (f in seen) delete seen[f]; total++ }
  /^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(.*\)/ { f = $0; sub(/^[ \t]+/, "", f); sub(/\(.*/, "", f); if (!(f in seen)) { seen[f] = 1; count[f]++ } }
  END { print "samples:", total; for (f in count) print count[f], f }' | sort -rn | head -"$N"
echo
echo "### Monitor waits (jdk.JavaMonitorEnter, over 20 ms by default) by monitor class"
jfr print --events jdk.JavaMonitorEnter "$JFR" | awk '/monitorClass/ { print $3 }' | sort | uniq -c | sort -rn | head -10
echo
echo "### Thread parks (jdk.ThreadPark) by parked-on class"
jfr print --events jdk.ThreadPark "$JFR" | awk '/parkedClass/ { print $3 }' | sort | uniq -c | sort -rn | head -10
