#!/usr/bin/env bash
# Builds the project and the runtime image used by docker-compose.yml.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -DskipTests package
rm -rf target/docker-lib && mkdir -p target/docker-lib
tr ':' '\n' < launcher/target/classpath.txt | while read -r jar; do [[ -n "$jar" ]] && cp "$jar" target/docker-lib/; done
docker compose build
