#!/usr/bin/env bash
# Onboards an agency at Kafka: writes k8s/agencies/<agencyId>.yaml, the agency's own topics as event-contract's
# Topics.ofAgency lays them out (its intake and urgent intake, which the gateway acting for it writes and
# referral-service reads; its lifecycle and alert status topics, which referral-service and notification-service
# write and its gateway reads), and lists it in k8s/agencies/kustomization.yaml, which the prod overlay includes:
# apply the overlay. With a key directory, also makes the agency's keys there, for the Secret of the gateway that
# acts for it: its Ed25519 signing key (<agencyId>.<yyyy-mm>.pem) and its X25519 grant key, which cases' data keys
# are granted to it with (<agencyId>.<yyyy-mm>.grant.pem); and prints their signingKeys and grantKeys entries to
# publish in its directory record (k8s/README.md, "Onboarding an agency").
#
#   k8s/agencies/onboard.sh [--own-gateway] AGENCY_ID [KEY_DIR]
#
# With --own-gateway (an agency, or its province, runs a gateway for it), also a KafkaUser gateway-<agencyId> for
# that gateway: it may write the agency's intake topics and read its lifecycle and alert status topics and the
# directory, and nothing else, and join consumer groups under gateway.<agencyId>. only (the dot keeps dinsos-16's
# groups apart from dinsos-1608's). With a key directory too, the gateway's two Keycloak clients in
# <KEY_DIR>/gateway-<agencyId>.clients.json, to import into the realm: gateway-<agencyId> for its officers' sign-in
# (as rujukan-gateway is for the shared gateway's) and gateway-<agencyId>-service for its calls to referral-service,
# whose tokens name the agency (claim rujukan_agencies), so that it reads that agency's reports alone; give the
# service client's service account the realm role gateway-service (k8s/README.md, "An agency's own gateway").
#
# AGENCIES_DIR names another directory (k8s/agencies/demo holds the demo directory's agencies, for dev).
set -euo pipefail
own_gateway=false
if [[ ${1:-} == --own-gateway ]]; then
  own_gateway=true
  shift
fi
agency=${1:?usage: onboard.sh [--own-gateway] AGENCY_ID [KEY_DIR]}
keys=${2:-}
if [[ ! $agency =~ ^[a-z0-9-]+$ ]]; then
  echo "onboard.sh: '$agency' is not an agency id (lower-case letters, digits and '-')" >&2
  exit 2
fi
dir=${AGENCIES_DIR:-$(dirname "$0")}
out=$dir/$agency.yaml
month=2592000000
{
  echo "# Agency $agency: its own topics (k8s/agencies/onboard.sh)"
  for kind in intake intake-urgent lifecycle notification-status; do
    cat <<YAML
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata: {name: rujukan-$kind-$agency-v1, labels: {strimzi.io/cluster: rujukan}}
spec:
  topicName: rujukan.$kind.$agency.v1
  partitions: 3
  replicas: 3
  config: {retention.ms: $month, cleanup.policy: delete, min.insync.replicas: 2}
YAML
  done
  if $own_gateway; then
    cat <<YAML
---
# the agency's own gateway: its SASL/SCRAM account, and what the broker lets it do
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata: {name: gateway-$agency, labels: {strimzi.io/cluster: rujukan}}
spec:
  authentication: {type: scram-sha-512}
  authorization:
    type: simple
    acls:
      - {resource: {type: topic, name: rujukan.intake.$agency.v1}, operations: [Write, Describe]}
      - {resource: {type: topic, name: rujukan.intake-urgent.$agency.v1}, operations: [Write, Describe]}
      - {resource: {type: topic, name: rujukan.dead-letter.agency-gateway}, operations: [Write, Describe]}
      - {resource: {type: topic, name: rujukan.lifecycle.$agency.v1}, operations: [Read, Describe]}
      - {resource: {type: topic, name: rujukan.notification-status.$agency.v1}, operations: [Read, Describe]}
      - {resource: {type: topic, name: rujukan.agency-directory.v1}, operations: [Read, Describe]}
      - {resource: {type: group, name: gateway.$agency., patternType: prefix}, operations: [Read]}
YAML
  fi
} > "$out"
# listed in the directory's kustomization, which the overlays include
if [[ ! -f $dir/kustomization.yaml ]]; then
  printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n' > "$dir/kustomization.yaml"
fi
if ! grep -qx "  - $agency.yaml" "$dir/kustomization.yaml"; then
  sed -i 's/^resources: \[\]$/resources:/' "$dir/kustomization.yaml"
  echo "  - $agency.yaml" >> "$dir/kustomization.yaml"
fi
echo "wrote $out and listed it in $dir/kustomization.yaml" >&2
if [[ -n $keys ]]; then
  mkdir -p "$keys"
  key=$agency.$(date -u +%Y-%m)
  openssl genpkey -algorithm ed25519 -out "$keys/$key.pem"
  chmod 600 "$keys/$key.pem"
  openssl genpkey -algorithm x25519 -out "$keys/$key.grant.pem"
  chmod 600 "$keys/$key.grant.pem"
  public=$(openssl pkey -in "$keys/$key.pem" -pubout | grep -v -- ----- | tr -d '\n')
  grant=$(openssl pkey -in "$keys/$key.grant.pem" -pubout | grep -v -- ----- | tr -d '\n')
  echo "made $keys/$key.pem and $keys/$key.grant.pem: put both in the Secret of the gateway that acts for $agency" >&2
  echo "{\"signingKeys\": [{\"keyId\": \"$key\", \"publicKey\": \"$public\"}]," \
    "\"grantKeys\": [{\"keyId\": \"$key\", \"publicKey\": \"$grant\"}]}"
  if $own_gateway; then
    roles='{"name": "realm roles as groups", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-realm-role-mapper", "config": {"multivalued": "true", "claim.name": "groups", "jsonType.label": "String", "access.token.claim": "true", "id.token.claim": "true", "userinfo.token.claim": "true"}}'
    cat > "$keys/gateway-$agency.clients.json" <<JSON
[
  {
    "clientId": "gateway-$agency",
    "name": "Rujukan gateway of $agency",
    "description": "Officers of $agency signing in to their agency's own gateway",
    "enabled": true, "clientAuthenticatorType": "client-secret", "publicClient": false,
    "serviceAccountsEnabled": false, "standardFlowEnabled": true, "directAccessGrantsEnabled": false,
    "redirectUris": ["https://GATEWAY-HOST/*"], "webOrigins": ["+"], "protocol": "openid-connect",
    "protocolMappers": [
      {"name": "audience rujukan-gateway", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper", "config": {"included.custom.audience": "rujukan-gateway", "access.token.claim": "true", "id.token.claim": "false"}},
      $roles,
      {"name": "agency_id", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper", "config": {"user.attribute": "agency_id", "claim.name": "agency_id", "jsonType.label": "String", "access.token.claim": "true", "id.token.claim": "true", "userinfo.token.claim": "true"}},
      {"name": "username", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-property-mapper", "config": {"user.attribute": "username", "claim.name": "preferred_username", "jsonType.label": "String", "access.token.claim": "true", "id.token.claim": "true", "userinfo.token.claim": "true"}}
    ],
    "defaultClientScopes": ["basic"]
  },
  {
    "clientId": "gateway-$agency-service",
    "name": "Rujukan gateway of $agency, as a service",
    "description": "The own gateway of $agency calling referral-service (reports and routing previews of $agency only)",
    "enabled": true, "clientAuthenticatorType": "client-secret", "publicClient": false,
    "serviceAccountsEnabled": true, "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
    "protocol": "openid-connect",
    "protocolMappers": [
      {"name": "audience rujukan-referral-service", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper", "config": {"included.custom.audience": "rujukan-referral-service", "access.token.claim": "true", "id.token.claim": "false"}},
      $roles,
      {"name": "rujukan_agencies", "protocol": "openid-connect", "protocolMapper": "oidc-hardcoded-claim-mapper", "config": {"claim.name": "rujukan_agencies", "claim.value": "[\"$agency\"]", "jsonType.label": "JSON", "access.token.claim": "true", "id.token.claim": "false"}}
    ],
    "defaultClientScopes": ["basic"]
  }
]
JSON
    echo "made $keys/gateway-$agency.clients.json: import both clients into the realm, put GATEWAY-HOST in" >&2
  fi
fi
