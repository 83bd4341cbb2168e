#!/usr/bin/env bash
# Builds the agent, the benchmarks and the Spring Boot benchmark application (tests skipped), then measures the
# application without nplusone, with -javaagent and with the jdbc:nplusone: URL in alternating rounds, and the
# agent's start-up on a trivial JDBC program (about 5 minutes on 2 cores). Writes benchmarks/target/app-bench.json,
# then the report: the target table (with the JMH results of benchmarks/run.sh when they are there) and
# benchmarks/target/benchmark-chart.svg. Extra arguments are AppBench settings, e.g.:
#   benchmarks/app-bench.sh rounds=5 clean=2000         # longer
#   benchmarks/app-bench.sh agentArgs=log=false         # the agent with its report log off (default: its defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -pl agent,benchmarks,benchmarks/spring-app -am -DskipTests
java -cp benchmarks/target/benchmarks.jar dev.nplusone.benchmarks.AppBench \
  app=benchmarks/spring-app/target/spring-app.jar agent=agent/target/nplusone-agent.jar \
  classes=benchmarks/target/classes out=benchmarks/target/app-bench.json "$@"
reports=(benchmarks/target/app-bench.json)
for jmh in benchmarks/target/jmh-result.json benchmarks/target/jmh-result-gc.json; do
  [[ -f $jmh ]] && reports+=("$jmh")
done
exec java -cp benchmarks/target/benchmarks.jar dev.nplusone.benchmarks.Report "${reports[@]}"
