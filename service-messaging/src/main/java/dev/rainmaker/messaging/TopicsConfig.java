package dev.rainmaker.messaging;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The topics this service creates at start-up when they are missing: the ones its channels read and write, and their
 * dead-letter topics. Topics that exist are left as they are.
 */
@ConfigMapping(prefix = "rainmaker.topics")
public interface TopicsConfig {

    /** Whether to create missing topics at all (off where a platform such as Strimzi owns them). */
    @WithDefault("true")
    boolean create();

    /** Partitions of a created topic: how many instances of a service can share its work. */
    @WithDefault("12")
    int partitions();

    /**
     * Replicas of a created topic; when unset, the broker's {@code default.replication.factor} (1 on a single local
     * broker, 3 on a three-broker cluster), so the cluster that holds the topics decides.
     */
    Optional<Short> replicationFactor();
}
