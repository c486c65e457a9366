# syntax=docker/dockerfile:1
# Anneal images, built from the repository root:
#   docker build --target api -t anneal-api .
#   docker build --target worker -t anneal-worker .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY db/pom.xml db/pom.xml
COPY tuner/pom.xml tuner/pom.xml
COPY spec/pom.xml spec/pom.xml
COPY data/pom.xml data/pom.xml
COPY worker/pom.xml worker/pom.xml
COPY api/pom.xml api/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY cli/pom.xml cli/pom.xml
# dependencies first, so code changes do not re-download DL4J
RUN ./mvnw -B -q -pl api -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q -pl api,worker -am package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/anneal anneal \
    && mkdir -p /var/lib/anneal/.anneal/cache \
    && chown -R anneal /var/lib/anneal/.anneal
# (made here so that named volumes mounted on them start owned by the anneal user)
USER anneal
WORKDIR /var/lib/anneal
# one OpenMP thread per trial; workers also cap ND4J's threads themselves (anneal.worker.threads-per-trial).
# PASSIVE: idle OpenMP threads sleep instead of spinning (with 2 threads per trial on a busy machine,
# spinning made training up to 20x slower); it can only be set before the JVM loads libnd4j.
ENV OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
# Memory (README "Memory"): half of the container's limit for the Java heap leaves the other half
# for ND4J's native arrays, the JIT and thread stacks; the collection each worker asks for after
# a trial (to free that trial's native arrays) runs concurrently instead of pausing other slots.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExplicitGCInvokesConcurrent"

# the server: REST API, scheduler and (unless ANNEAL_WORKER_SLOTS=0) embedded workers
FROM runtime AS api
COPY --from=build /src/api/target/anneal.jar /opt/anneal/anneal.jar
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/anneal/anneal.jar"]

# a worker-only process; needs SPRING_DATASOURCE_URL of the server's PostgreSQL
FROM runtime AS worker
COPY --from=build /src/worker/target/anneal-worker.jar /opt/anneal/anneal-worker.jar
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8081/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/anneal/anneal-worker.jar"]
