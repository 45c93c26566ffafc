#!/bin/sh
# One KRaft node, broker and controller, as local-cloud's KafkaNode configures one: its settings written to /tmp (the
# root file system may be read-only), every KAFKA_* variable added as a setting (KAFKA_ADVERTISED_LISTENERS is
# advertised.listeners), its data directory formatted on the first start only (as a node of the cluster CLUSTER_ID, the
# same for every node of one cluster; a new id for a lone node), then Kafka's own main as PID 1.
set -eu
config=/tmp/kafka/server.properties
mkdir -p /tmp/kafka
cat >"$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=12
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=12
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPERTIES
# A later line wins: KAFKA_LISTENERS overrides listeners above.
env | grep '^KAFKA_' | grep -v '^KAFKA_DATA=' | while IFS='=' read -r name value; do
  key="$(printf '%s' "${name#KAFKA_}" | tr '[:upper:]_' '[:lower:].')"
  printf '%s=%s\n' "$key" "$value" >>"$config"
done
classpath="/opt/kafka/libs/*"
if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  cluster="${CLUSTER_ID:-$(java $JAVA_OPTS -cp "$classpath" kafka.tools.StorageTool random-uuid)}"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$classpath" kafka.tools.StorageTool format --config "$config" --cluster-id "$cluster"
fi
# shellcheck disable=SC2086 # JAVA_OPTS and JAVA_OPTS_APPEND are lists of options
exec java $JAVA_OPTS $JAVA_OPTS_APPEND -cp "$classpath" kafka.Kafka "$config"
