# syntax=docker/dockerfile:1
# The Anneal server image. Build from the repository root: docker build -t anneal .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY db/pom.xml db/pom.xml
COPY tuner/pom.xml tuner/pom.xml
COPY worker/pom.xml worker/pom.xml
COPY api/pom.xml api/pom.xml
COPY bench/pom.xml bench/pom.xml
# dependencies first, so code changes do not re-download DL4J
RUN ./mvnw -B -q -pl api -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q -pl api -am package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/anneal anneal
USER anneal
WORKDIR /var/lib/anneal
COPY --from=build /src/api/target/anneal.jar /opt/anneal/anneal.jar
# one OpenMP thread per trial; the worker also caps ND4J's threads itself (anneal.worker.threads-per-trial)
ENV OMP_NUM_THREADS=1
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/anneal/anneal.jar"]
