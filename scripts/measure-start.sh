#!/usr/bin/env bash
# How fast one packaged service starts, alone, against a local cloud that is already running.
#
#   scripts/measure-start.sh [--runs N] [--quiet-wait SECONDS] [--cloud STATE_DIR] [--java-options FILE]
#                            [--app-dir DIR] [--no-aot-cache] <service> [-- JVM_ARG ...]
#
# For each run it starts <service>/target/quarkus-app/quarkus-run.jar the way ./rainmaker up does (the same system
# properties and environment, taken from the local cloud's local-cloud.properties), and reports
#   started-in  Quarkus' own "started in" figure from the log (from Quarkus' main, after the JVM has booted);
#   ready       milliseconds from launching the process until GET /q/health/ready answers 200 (polled every 50 ms);
#   load        the 1-minute load average just before the run;
#   busy%       how busy the CPUs were in the second before the run (each run first waits, at most --quiet-wait
#               seconds (60), for a second at most 25 % busy: the machine may be shared);
# then the median of each. The JVM options are those ./rainmaker runs the services with (PipelineServices.JVM_OPTIONS)
# unless --java-options names a file of them (one a line); JVM_ARGs after -- are added (e.g. -XX:TieredStopAtLevel=1). --app-dir DIR runs
# another build's quarkus-app directory (a copy kept for comparison). On JDK 25+ the runs start from an AOT cache, as
# ./rainmaker starts the services (cli: AotCache): one training run (start, ready, stop) writes it first, into the
# temporary directory; --no-aot-cache measures starts without one.
#
# With --cloud STATE_DIR a local cloud already running there is used; otherwise one is started in a fresh temporary
# directory (simulated hosts, Kafka on a free port), given time to settle, and stopped at the end.
# Build first: ./mvnw -B -q package -DskipTests -pl events-schema,local-cloud,service-messaging,<service>
set -euo pipefail
home=$(cd "$(dirname "$0")/.." && pwd)
. "$home/scripts/jdk.sh"

runs=5
quiet_wait=60
cloud_dir=""
options_file=""
app_dir=""
aot_cache=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --quiet-wait) quiet_wait=$2; shift 2 ;;
    --cloud) cloud_dir=$2; shift 2 ;;
    --java-options) options_file=$2; shift 2 ;;
    --app-dir) app_dir=$2; shift 2 ;;
    --no-aot-cache) aot_cache=no; shift ;;
    --) break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) service=$1; shift; break ;;
  esac
done
[ "${1:-}" = "--" ] && shift
extra_args=("$@")
case "${service:-}" in
  droplet-service | bootstrap-service | stack-service | notifier-service) ;;
  *) echo "usage: $0 [--runs N] [--quiet-wait SECONDS] [--cloud STATE_DIR] [--java-options FILE] <droplet|bootstrap|stack|notifier>-service [-- JVM_ARG ...]" >&2; exit 2 ;;
esac

[ -n "$app_dir" ] || app_dir=$home/$service/target/quarkus-app
[ -f "$app_dir/quarkus-run.jar" ] || { echo "$app_dir/quarkus-run.jar is missing: ./mvnw -B -q package -DskipTests -pl events-schema,local-cloud,service-messaging,$service" >&2; exit 1; }
java_options=()
if [ -n "$options_file" ]; then
  # One option per line; lines starting with # are comments.
  while IFS= read -r line; do
    case "$line" in '' | '#'*) ;; *) java_options+=("$line") ;; esac
  done <"$options_file"
else
  java_options=(-XX:+UseSerialGC -Xmx80m -XX:+UseCompactObjectHeaders)
  export MALLOC_ARENA_MAX=2
fi

work=$(mktemp -d /tmp/measure-start.XXXXXX)
cloud_pid=""
service_pid=""
stop() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$service_pid"
  stop "$cloud_pid"
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$cloud_dir" ]; then
  cloud_dir=$work/cloud
  classpath_file=$home/local-cloud/target/runtime-classpath.txt
  if [ ! -f "$classpath_file" ] || [ "$home/local-cloud/pom.xml" -nt "$classpath_file" ]; then
    (cd "$home" && ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$classpath_file" -pl local-cloud) >&2
  fi
  local_cloud_jar=$(ls "$home"/local-cloud/target/local-cloud-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1)
  [ -n "$local_cloud_jar" ] || { echo "local-cloud is not packaged: ./mvnw -B -q package -DskipTests -pl events-schema,local-cloud" >&2; exit 1; }
  "$JAVA_HOME/bin/java" -Xmx768m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$local_cloud_jar:$(cat "$classpath_file")" dev.rainmaker.localcloud.LocalCloudMain \
    --state-dir "$cloud_dir" --kafka-port 0 --hosts simulated >"$work/local-cloud.log" 2>&1 &
  cloud_pid=$!
  for _ in $(seq 1 600); do
    [ -f "$cloud_dir/local-cloud.properties" ] && break
    kill -0 "$cloud_pid" 2>/dev/null || { cat "$work/local-cloud.log" >&2; echo "the local cloud did not start" >&2; exit 1; }
    sleep 0.1
  done
  [ -f "$cloud_dir/local-cloud.properties" ] || { echo "the local cloud did not start within 60 s" >&2; exit 1; }
  sleep 5 # its own start-up (JIT, broker housekeeping) settles before the first measurement
fi
info=$cloud_dir/local-cloud.properties
[ -f "$info" ] || { echo "$info is missing: is a local cloud running there?" >&2; exit 1; }
cloud() { sed -n "s/^${1//./\\.}=//p" "$info" | sed 's/\\:/:/g'; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The system properties and environment ./rainmaker up gives each service (cli: PipelineServices).
service_properties() {
  echo "-Dkafka.bootstrap.servers=$(cloud kafka.bootstrap.servers)"
  echo "-Dquarkus.http.host=127.0.0.1"
  case "$service" in
    droplet-service)
      echo "-Drainmaker.droplet.api-url=$(cloud digitalocean.url)"
      echo "-Drainmaker.droplet.provisioning-public-key-file=$(cloud provisioning.public-key)"
      echo "-Drainmaker.droplet.poll-interval=500ms" ;;
    bootstrap-service | stack-service)
      echo "-Drainmaker.ssh.port=$(cloud ssh.port)"
      echo "-Drainmaker.ssh.private-key-file=$(cloud provisioning.private-key)"
      [ "$service" != stack-service ] || echo "-Drainmaker.stack.app-port=$(cloud app.port)" ;;
    notifier-service)
      echo "-Dquarkus.mailer.host=127.0.0.1"
      echo "-Dquarkus.mailer.port=$(cloud smtp.port)"
      echo "-Dmp.messaging.outgoing.customers-ready-out.transactional.id=notifier-service-measure" ;;
  esac
}
mapfile -t properties < <(service_properties)
export DIGITALOCEAN_TOKEN
DIGITALOCEAN_TOKEN=$(cloud digitalocean.token)

now_ms() { date +%s%3N; }
# Share of the machine's CPU time that was busy over the last second (all cores), from /proc/stat.
cpu_busy() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 1
  read -r -a b < <(head -1 /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  local idle=$((b[4] - a[4] + b[5] - a[5]))
  echo $((total > 0 ? 100 * (total - idle) / total : 0))
}
# Waits (at most --quiet-wait seconds) for a second in which the machine was at most 25 % busy, so runs measure the
# service and not whatever else shares the cores; prints how busy the last second was.
await_quiet() {
  local busy waited=0
  while :; do
    busy=$(cpu_busy)
    if [ "$busy" -le 25 ] || [ "$waited" -ge "$quiet_wait" ]; then echo "$busy"; return; fi
    waited=$((waited + 1))
  done
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Starts the service with the JVM arguments given, from its own directory; its output goes to the file $log.
start_service() {
  (cd "$app_dir" && exec "$JAVA_HOME/bin/java" "${java_options[@]}" "$@" "${extra_args[@]}" "${properties[@]}" \
    -Dquarkus.http.port="$port" -jar quarkus-run.jar) >"$log" 2>&1 &
  service_pid=$!
}
# Prints the milliseconds from $start until the service answers ready; fails, showing its log, if it exits or takes
# over 120 s.
await_ready() {
  while :; do
    if ! kill -0 "$service_pid" 2>/dev/null; then
      tail -40 "$log" >&2
      echo "$service exited while starting ($1)" >&2
      exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
      echo $(($(now_ms) - start))
      return
    elif [ $(($(now_ms) - start)) -gt 120000 ]; then
      tail -40 "$log" >&2
      echo "$service was not ready within 120 s ($1)" >&2
      exit 1
    fi
    sleep 0.05
  done
}

java_feature=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "$aot_cache" = yes ] && [ "${java_feature:-0}" -ge 25 ]; then
  cache=$work/$service.aot
  port=$(free_port)
  log=$work/$service-aot-training.log
  start=$(now_ms)
  start_service -XX:AOTCacheOutput="$cache"
  await_ready "AOT training run" >/dev/null
  stop "$service_pid" # the JVM writes the cache as it exits
  service_pid=""
  [ -f "$cache" ] || { tail -20 "$log" >&2; echo "the training run wrote no AOT cache" >&2; exit 1; }
  java_options+=(-XX:AOTCache="$cache")
  sleep 2
fi

echo "$service: $runs runs, JVM options: ${java_options[*]} ${extra_args[*]:-}"
echo "run  started-in  ready(ms)  load  busy%-before"
started_all=()
ready_all=()
for run in $(seq 1 "$runs"); do
  port=$(free_port)
  log=$work/$service-$run.log
  busy=$(await_quiet)
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(now_ms)
  start_service
  ready=$(await_ready "run $run")
  # Readiness can answer before Quarkus has written its "started in" line.
  started=""
  for _ in $(seq 1 300); do
    started=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$log" | head -1)
    [ -z "$started" ] || break
    sleep 0.1
  done
  printf '%3d  %9ss  %9d  %5s  %3s\n' "$run" "${started:-?}" "$ready" "$load" "$busy"
  started_all+=("${started:-0}")
  ready_all+=("$ready")
  [ -z "${MEASURE_START_KEEP_LOGS:-}" ] || cp "$log" "$MEASURE_START_KEEP_LOGS/"
  stop "$service_pid"
  service_pid=""
  sleep 2 # the broker notices the consumers leaving before the next run joins
done
printf 'median  started-in %ss  ready %s ms  (load now %s)\n' \
  "$(printf '%s\n' "${started_all[@]}" | median)" "$(printf '%s\n' "${ready_all[@]}" | median)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
