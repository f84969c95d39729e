#!/usr/bin/env bash
# Runs the whole of Rujukan on this machine: builds what is needed, then starts PostgreSQL, Kafka, an
# SMTP server with an inbox page and the three services. Ctrl-C stops everything.
#   ./run-local.sh            keep the data of the last run (.local-stack/)
#   ./run-local.sh --fresh    start from empty
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (./mvnw package -DskipTests)..."
./mvnw -q -B package -DskipTests
exec java -Drujukan.root="$PWD" -jar local-stack/target/local-stack.jar "$@"
