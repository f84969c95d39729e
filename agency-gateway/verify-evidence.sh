#!/usr/bin/env bash
# Verifies a gateway's evidence log end to end (evidence.VerifyEvidence): every block follows the one before it,
# every entry it seals is there and unchanged, and nothing was slipped into a sealed range. Prints the first block
# or entry that fails. Exit status 0 if the log verifies, 1 if it does not, 2 if it cannot be read.
#   PGPASSWORD=... agency-gateway/verify-evidence.sh jdbc:postgresql://127.0.0.1:15432/gateway postgres
# Needs the gateway built (./mvnw package -pl agency-gateway -am); in its container image the same class runs as
#   java -cp '/home/jboss/app/*:/home/jboss/lib/main/*' id.rujukan.gateway.evidence.VerifyEvidence URL USER
set -euo pipefail
APP="$(dirname "$0")/target/quarkus-app"
[[ -d "$APP/lib/main" ]] || { echo "build the gateway first: ./mvnw package -pl agency-gateway -am" >&2; exit 2; }
exec java -cp "$APP/app/*:$APP/lib/main/*" id.rujukan.gateway.evidence.VerifyEvidence "$@"
