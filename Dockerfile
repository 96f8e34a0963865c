# Runtime image for the Voltstream roles (ingest, api, simulate, submit, jobs).
# Build the project first on the host: mvn -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /opt/voltstream
COPY launcher/target/voltstream-launcher-*.jar lib/
COPY launcher/target/classpath.txt .
# classpath.txt lists absolute ~/.m2 paths on the build host; docker-build.sh copies them to lib/.
COPY target/docker-lib/ lib/
COPY stream-jobs/target/voltstream-stream-jobs-*-job.jar jobs/
ENV VOLTSTREAM_JOB_JAR=/opt/voltstream/jobs
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED -cp '/opt/voltstream/lib/*' io.voltstream.launcher.VoltstreamCli \"$@\"", "voltstream"]
