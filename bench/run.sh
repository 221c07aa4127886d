#!/usr/bin/env bash
# Builds the benchmark jar and runs the full profile (3 forks, GC profiler; about 15 minutes on
# 2 cores), then prints the ratio table. Extra arguments go to JMH (e.g. a benchmark regex).
# Usage: bench/run.sh [jmh-args...]     Results: bench/target/jmh-results.json
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
out=bench/target/jmh-results.json
java -jar "$jar" -f 3 -prof gc -rf json -rff "$out" "$@"
java -cp "$jar" dev.revhooks.bench.RatioReport "$out"
