package dev.rainmaker.deploy;

import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** A KafkaUser's rules as the ACLs Strimzi's User Operator creates from them: allow, from any host. */
final class KafkaUserAcls {

    private KafkaUserAcls() {}

    static List<AclBinding> of(Manifest kafkaUser) {
        String principal = "User:" + kafkaUser.name();
        return AclRule.of(kafkaUser).stream()
                .flatMap(rule -> rule.operations().stream()
                        .map(operation -> new AclBinding(
                                new ResourcePattern(
                                        resourceType(rule.resourceType()),
                                        rule.name(),
                                        rule.prefix() ? PatternType.PREFIXED : PatternType.LITERAL),
                                new AccessControlEntry(principal, "*", operation(operation), AclPermissionType.ALLOW))))
                .toList();
    }

    private static ResourceType resourceType(String strimzi) {
        return switch (strimzi) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException("no such resource type: " + strimzi);
        };
    }

    /** {@code DescribeConfigs} is {@code DESCRIBE_CONFIGS}. */
    private static AclOperation operation(String strimzi) {
        return AclOperation.fromString(
                strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }
}
