#!/usr/bin/env bash
# Writes the secrets docker-compose.yml reads into ./secrets/ (git-ignored), once: existing files
# are kept, so re-running never rotates a secret under a running deployment. Rotate one by
# deleting its file, re-running and restarting the services that read it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/secrets"
umask 077
mkdir -p "$DIR"

random() { head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48; }

for name in jwt_secret influx_password influx_read_password influx_admin_password \
    grafana_admin_password mqtt_admin_password mqtt_ingest_password; do
  [[ -s "$DIR/$name" ]] || random > "$DIR/$name"
done
# Filled by the operator for the demo profile's simulator: `device-id=password` per simulated
# device, from POST /api/v1/{sensors,batteries,iot/devices}/{id}/mqtt-credentials.
[[ -e "$DIR/simulator_logins" ]] || : > "$DIR/simulator_logins"

# The influxdb image creates its users from the environment at first start only.
cat > "$DIR/influxdb.env" <<ENV
INFLUXDB_ADMIN_PASSWORD=$(cat "$DIR/influx_admin_password")
INFLUXDB_USER_PASSWORD=$(cat "$DIR/influx_password")
INFLUXDB_READ_USER_PASSWORD=$(cat "$DIR/influx_read_password")
ENV
echo "secrets in $DIR (grafana login: admin / $DIR/grafana_admin_password)"
