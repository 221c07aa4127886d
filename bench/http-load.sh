#!/usr/bin/env bash
# The HTTP load test of issue 31: one Jetty 12 on 127.0.0.1 with /bare, /filter (WebhookFilter for
# Revont) and /hand (a hand-written filter), the server pinned to core 0 and wrk (Debian package
# `wrk`) to core 1, interleaved rounds, ratios per round. Bounded: at most 20 rounds of at most
# 30 s per endpoint and size (the driver refuses more). With guard or inbox among the endpoints, the
# server starts an embedded PostgreSQL (fsync on) on its own core for /guard (the filter with the
# PostgreSQL replay guard) and /inbox (the filter in inbox mode).
# Usage: bench/http-load.sh [rounds=5] [seconds per run=10] [warm-up seconds=15] [connections=32] [sizes=1024,65536; 1024c: chunked]
#                           [endpoints=bare,filter,hand]   e.g. ... 1024 bare,filter,guard,inbox
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}; seconds=${2:-10}; warmup=${3:-15}; connections=${4:-32}; sizes=${5:-1024,65536}
endpoints=${6:-bare,filter,hand}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "needs two cores (server on 0, wrk on 1)" >&2; exit 1; }
mvn -B -ntp -q -pl bench -am package -DskipTests -DskipPitest -Djacoco.skip=true
jar=bench/target/benchmarks.jar
work=bench/target/http-load
rm -rf "$work"; mkdir -p "$work"
stores=()
case ",$endpoints," in *,guard,*|*,inbox,*) stores=(stores) ;; esac
taskset -c 0 java -Xms512m -Xmx512m -cp "$jar" dev.revhooks.bench.HttpLoadServer "$work/port" "${stores[@]}" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "the server did not start" >&2; exit 1; }
taskset -c 1 java -cp "$jar" dev.revhooks.bench.HttpLoadTest "$(cat "$work/port")" "$rounds" "$seconds" "$warmup" \
    "$connections" "$work" "$sizes" "$endpoints" | tee "$work/report.md"
