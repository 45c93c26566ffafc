package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** One rule of a KafkaUser's simple authorization: operations on a resource, by name or by name prefix. */
record AclRule(String resourceType, String name, boolean prefix, Set<String> operations) {

    static List<AclRule> of(Manifest kafkaUser) {
        List<AclRule> rules = new ArrayList<>();
        for (JsonNode acl : kafkaUser.body().path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            Set<String> operations = new TreeSet<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            rules.add(new AclRule(
                    resource.path("type").asText(),
                    resource.path("name").asText(),
                    resource.path("patternType").asText("literal").equals("prefix"),
                    operations));
        }
        return rules;
    }

    boolean isLiteral(String type) {
        return resourceType.equals(type) && !prefix;
    }

    boolean isPrefix(String type) {
        return resourceType.equals(type) && prefix;
    }

    boolean allows(String operation) {
        return operations.contains(operation);
    }
}
