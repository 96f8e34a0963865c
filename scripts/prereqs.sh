#!/usr/bin/env bash
# Checks (and, with --install, installs) the system packages Voltstream runs on:
# Java 17+, Maven, mosquitto (MQTT broker), influxd (InfluxDB 1.x), prometheus (the metrics
# test scrapes every process with it) and, for the dashboard end-to-end test, chromium. Installing needs apt and root (or passwordless sudo).
set -euo pipefail

install=false
[[ "${1:-}" == "--install" ]] && install=true

need_pkgs=()
command -v mosquitto >/dev/null 2>&1 || [[ -x /usr/sbin/mosquitto ]] || need_pkgs+=(mosquitto mosquitto-clients)
command -v influxd >/dev/null 2>&1 || need_pkgs+=(influxdb influxdb-client)
command -v prometheus >/dev/null 2>&1 || need_pkgs+=(prometheus)
if [[ "${VOLTSTREAM_SKIP_BROWSER:-false}" != "true" ]]; then
  command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
fi

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "voltstream: '$tool' is required (Java 17+ and Maven 3.8+). On Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk maven" >&2
    exit 1
  fi
done

if ((${#need_pkgs[@]} == 0)); then
  exit 0
fi

if ! $install; then
  echo "voltstream: missing packages: ${need_pkgs[*]}" >&2
  echo "  install them with: sudo apt-get install -y --no-install-recommends ${need_pkgs[*]}" >&2
  exit 1
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "voltstream: missing packages: ${need_pkgs[*]}, and no root or passwordless sudo to install them." >&2
    echo "  install them with: sudo apt-get install -y --no-install-recommends ${need_pkgs[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "voltstream: no apt-get here; install ${need_pkgs[*]} with your package manager." >&2
  exit 1
fi

echo "voltstream: installing ${need_pkgs[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends "${need_pkgs[@]}" >/dev/null
# The Debian packages may auto-start system services where systemd runs; Voltstream starts its own
# instances on its own ports and data dirs, so the system ones are left alone (they are not started
# on machines without systemd).
