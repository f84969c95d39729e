#!/usr/bin/env bash
# P3, escalation burst: 1,000,000 open referrals, 10,000 due in the same second, fired by two claimers
# against a durable PostgreSQL (fsync and synchronous commit on). Prints the figures.
#   bench/escalation-burst.sh            # 1,000,000 open referrals
#   OPEN=200000 bench/escalation-burst.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp install -pl referral-service -am -DskipTests
./mvnw -B -ntp test -pl referral-service -Dtest=EscalationBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Drujukan.bench=true -Drujukan.bench.open="${OPEN:-1000000}" -Drujukan.test.postgres.durable=true \
    -Dquarkus.log.level=WARN > target/escalation-burst.log 2>&1 || { tail -50 target/escalation-burst.log; exit 1; }
sed -n '/^P3 escalation burst/,/^$/p' target/escalation-burst.log
