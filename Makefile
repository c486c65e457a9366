MAVEN ?= ./mvnw

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## build every module and the server jar, skipping tests
	$(MAVEN) -B package -DskipTests

run: build ## build and start the server on :8080 (embedded PostgreSQL in ~/.anneal; heap sized by bin/anneal-server)
	bin/anneal-server

cli: ## build the anneal CLI, cli/target/anneal-cli.jar (run it with bin/anneal)
	$(MAVEN) -B -pl cli -am package -DskipTests

test: ## unit and integration tests (what CI runs)
	$(MAVEN) -B verify

unit: ## unit tests only
	$(MAVEN) -B test

fmt: ## format the code (palantir-java-format)
	$(MAVEN) -B -q spotless:apply

bench: build ## training throughput, per-trial overhead and ask/tell throughput, beside the peer numbers
	java -jar bench/target/anneal-bench.jar training
	java -jar bench/target/anneal-bench.jar overhead
	java -jar bench/target/anneal-bench.jar asktell

up: ## PostgreSQL 16 + server in Docker
	docker compose up --build -d

down: ## stop the Docker stack
	docker compose down

.PHONY: help build run cli test unit fmt bench up down
