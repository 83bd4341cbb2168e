#!/usr/bin/env bash
# Builds the benchmarks jar (driver tests skipped) and runs the whole suite: JMH benchmarks, then the scope
# memory probes, then the table of ratios (also in benchmarks/target/benchmark-report.txt).
# Extra arguments go to JMH and override the defaults, e.g.:
#   benchmarks/run.sh -p variant=RAW,DATASOURCE_PROXY,NPLUSONE_SCOPE lookup     # a subset
#   benchmarks/run.sh -wi 5 -i 10 --no-memory                                  # longer runs, no memory probe
#   benchmarks/run.sh -prof gc                                                 # allocation per operation
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -pl benchmarks -am -DskipTests
exec java -jar benchmarks/target/benchmarks.jar "$@"
