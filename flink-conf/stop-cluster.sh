#!/usr/bin/env bash
# Stops the cluster that start-cluster.sh started from DIR: SIGTERM to the TaskManager and the
# JobManager, SIGKILL after 20 s, and waits until both processes are gone.
#
#   flink-conf/stop-cluster.sh [--dir DIR]      (default ${VOLTSTREAM_DATA_DIR:-./var}/flink)
set -euo pipefail
CONF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${VOLTSTREAM_DATA_DIR:-$(dirname "$CONF")/var}/flink"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "stop-cluster.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# stop <name> <entry class>: only a pid whose command line still is that Flink entry point is
# signalled, so a stale pid file never kills an unrelated process that reused the pid.
stop() {
  local name="$1" main="$2" pidfile="$DIR/$1.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$main"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop-cluster.sh: $name (pid $pid) ignored SIGTERM for 20 s, killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}
stop taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner
stop jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
