#!/usr/bin/env bash
# Starts a standalone Flink 2.2 session cluster (one JobManager + one TaskManager, two JVM processes)
# from Maven-resolved jars, without flink-dist (stack.md §3.7), and waits until it can run jobs.
#
#   flink-conf/start-cluster.sh [--dir DIR] [--rest-port 8081] [--rpc-port 6123] [--blob-port 6124]
#                               [--slots 6] [--jm-memory 1024m] [--tm-memory 1536m] [--timeout 120]
#
# Config: flink-conf/config.yaml, overridden by -D dynamic properties for the ports, the slots, the
# memory and every directory (all under DIR, default ${VOLTSTREAM_DATA_DIR:-./var}/flink).
# DIR gets cp.txt (the classpath), log/, tmp/, upload/, checkpoints/, savepoints/ and the pid files
# that stop-cluster.sh reads. Exit 0 once the REST API answers and a TaskManager is registered.
set -euo pipefail
CONF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$CONF")"

DIR="${VOLTSTREAM_DATA_DIR:-$ROOT/var}/flink"
REST_PORT=8081; RPC_PORT=6123; BLOB_PORT=6124; SLOTS=6; JM_MEMORY=1024m; TM_MEMORY=1536m; TIMEOUT=120
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --rest-port) REST_PORT="$2"; shift 2 ;;
    --rpc-port) RPC_PORT="$2"; shift 2 ;;
    --blob-port) BLOB_PORT="$2"; shift 2 ;;
    --slots) SLOTS="$2"; shift 2 ;;
    --jm-memory) JM_MEMORY="$2"; shift 2 ;;
    --tm-memory) TM_MEMORY="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start-cluster.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
mkdir -p "$DIR"/{log,tmp,upload,checkpoints,savepoints}

alive() { [[ -f "$DIR/$1.pid" ]] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }
if alive jobmanager || alive taskmanager; then
  echo "start-cluster.sh: a cluster from $DIR is already running (stop it with stop-cluster.sh --dir $DIR)" >&2
  exit 1
fi

# Classpath: resolved once, again when the pom changes. Offline first (the reactor build already
# downloaded these jars), then online.
CP_FILE="$DIR/cp.txt"
if [[ ! -s "$CP_FILE" || "$CONF/cluster-classpath/pom.xml" -nt "$CP_FILE" ]]; then
  echo "start-cluster.sh: resolving the Flink classpath (flink-conf/cluster-classpath/pom.xml)…" >&2
  BUILD=(-q -B -f "$CONF/cluster-classpath/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -DincludeScope=runtime)
  mvn -o "${BUILD[@]}" >&2 || mvn "${BUILD[@]}" >&2
fi
CP="$(cat "$CP_FILE")"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The --add-opens list of config.yaml (env.java.opts.all): flink-dist's scripts would add it.
read -r -a OPENS <<< "$(grep -E '^ +all: ' "$CONF/config.yaml" | head -1 | sed 's/^ *all: //')"
DYNAMIC=(
  -Djobmanager.rpc.port="$RPC_PORT" -Drest.port="$REST_PORT" -Dblob.server.port="$BLOB_PORT"
  -Dtaskmanager.numberOfTaskSlots="$SLOTS"
  -Djobmanager.memory.process.size="$JM_MEMORY" -Dtaskmanager.memory.process.size="$TM_MEMORY"
  -Dio.tmp.dirs="$DIR/tmp" -Dweb.upload.dir="$DIR/upload" -Dweb.tmpdir="$DIR/tmp"
  -Dexecution.checkpointing.dir="file://$DIR/checkpoints"
  -Dexecution.checkpointing.savepoint-dir="file://$DIR/savepoints"
)

# start <name> <BashJavaUtils command> <entry class>: what jobmanager.sh / taskmanager.sh do.
start() {
  local name="$1" params="$2" main="$3" out jvm dyn
  out="$("$JAVA" -cp "$CP" org.apache.flink.runtime.util.bash.BashJavaUtils "$params" --configDir "$CONF" "${DYNAMIC[@]}" \
          | grep BASH_JAVA_UTILS_EXEC_RESULT | sed 's/BASH_JAVA_UTILS_EXEC_RESULT://')"
  jvm="$(sed -n 1p <<< "$out")"; dyn="$(sed -n 2p <<< "$out")"
  # shellcheck disable=SC2086  # jvm and dyn are word lists
  nohup "$JAVA" $jvm "${OPENS[@]}" -Djava.io.tmpdir="$DIR/tmp" -Dlog.file="$DIR/log/$name.log" \
    -Dlog4j.configurationFile="$CONF/log4j.properties" -cp "$CP" "$main" \
    --configDir "$CONF" "${DYNAMIC[@]}" $dyn > "$DIR/log/$name.out" 2>&1 < /dev/null &
  echo $! > "$DIR/$name.pid"
}
start jobmanager GET_JM_RESOURCE_PARAMS org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
start taskmanager GET_TM_RESOURCE_PARAMS org.apache.flink.runtime.taskexecutor.TaskManagerRunner

URL="http://127.0.0.1:$REST_PORT"
# GET /overview with curl, or with bash's /dev/tcp where curl is not installed.
overview() {
  if command -v curl > /dev/null; then
    curl -sf "$URL/overview" 2>/dev/null
  else
    { exec 3<> "/dev/tcp/127.0.0.1/$REST_PORT" \
        && printf 'GET /overview HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3; exec 3<&-; } 2>/dev/null
  fi
}
deadline=$((SECONDS + TIMEOUT))
while (( SECONDS < deadline )); do
  if ! alive jobmanager || ! alive taskmanager; then break; fi
  if overview | grep -q '"taskmanagers":[1-9]'; then
    echo "Flink cluster ready: $URL (JobManager pid $(cat "$DIR/jobmanager.pid"), TaskManager pid $(cat "$DIR/taskmanager.pid"), logs $DIR/log)"
    exit 0
  fi
  sleep 0.5
done
echo "start-cluster.sh: the cluster did not become ready within ${TIMEOUT}s; last log lines:" >&2
tail -n 15 "$DIR/log/jobmanager.log" "$DIR/log/jobmanager.out" "$DIR/log/taskmanager.log" "$DIR/log/taskmanager.out" >&2 2>/dev/null || true
"$CONF/stop-cluster.sh" --dir "$DIR" >&2 || true
exit 1
