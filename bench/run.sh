#!/usr/bin/env bash
# The benchmark: starts the local stack (--bench: the HTTP floor (bench/floor) beside it, no per-agency or SMS-contract
# rate limits), drives it from a separate JVM (module bench), and prints:
#   P1 gateway ingest with real tokens and acks=all, beside the HTTP floor and Kafka's own producer rate
#   P2 end-to-end latency, POST to the first alert handed to the SMTP server or SMSC, at 500/s and lower
#   P3 the escalation burst (bench/escalation-burst.sh; SKIP_P3=1 leaves it out)
#   P4 each service's RSS under load and start time
# and writes them, with the machine, into bench/RESULTS.md (the "Latest run" section).
#   bench/run.sh                     SECONDS_PER_PHASE=30 CONCURRENCY=64 RATE=500 OPEN=1000000
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=target/bench
mkdir -p "$OUT"
echo "Building (./mvnw package -DskipTests)..."
./mvnw -B -q -ntp package -DskipTests

STACK_DIR=$ROOT/$OUT/stack
java -Drujukan.root="$ROOT" -jar local-stack/target/local-stack.jar --fresh --bench --data-dir "$STACK_DIR" \
  > "$OUT/stack.log" 2>&1 &
STACK=$!
trap 'kill $STACK 2>/dev/null; wait $STACK 2>/dev/null || true' EXIT
echo "Starting the local stack (logs in $OUT/stack.log)..."
for _ in $(seq 240); do
  grep -q "Rujukan is running" "$OUT/stack.log" 2>/dev/null && break
  kill -0 $STACK 2>/dev/null || { tail -30 "$OUT/stack.log"; exit 1; }
  sleep 1
done
grep -q "Rujukan is running" "$OUT/stack.log" || { echo "the stack did not start" >&2; exit 1; }

java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath)" id.rujukan.bench.Bench \
  --root "$ROOT" --logs "$STACK_DIR/logs" --out "$OUT/results.md" \
  --seconds "${SECONDS_PER_PHASE:-30}" --concurrency "${CONCURRENCY:-64}" --rate "${RATE:-500}" | tee "$OUT/bench.log"

kill $STACK; wait $STACK 2>/dev/null || true
trap - EXIT

P3=""
if [[ "${SKIP_P3:-}" != "1" ]]; then
  echo "P3: the escalation burst (OPEN=${OPEN:-1000000})..."
  P3=$(bench/escalation-burst.sh | tee /dev/stderr)
fi

{
  echo "Everything on this one machine: the load generator, Keycloak, Kafka, PostgreSQL, the SMTP server, the SMSC"
  echo "and the three services (serial GC, full JIT; heaps as local-stack's ServiceProcess sets them)."
  echo
  echo "| | what | figure | beside it |"
  echo "|---|---|---|---|"
  cat "$OUT/results.md"
  if [[ -n "$P3" ]]; then
    echo
    echo '```'
    echo "$P3"
    echo '```'
  fi
} > "$OUT/section.md"
echo
python3 bench/replace-section.py "Latest run of bench/run.sh" "$OUT/section.md"
