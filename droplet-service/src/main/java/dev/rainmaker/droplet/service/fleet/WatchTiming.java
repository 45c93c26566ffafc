package dev.rainmaker.droplet.service.fleet;

import java.time.Duration;

import dev.rainmaker.droplet.config.DropletConfig;

/**
 * How often the watcher lists while a lookup waits (and while droplets turn active), and while droplets only boot; how
 * long the first lookup after a quiet spell waits for others (a burst's lookups arrive within moments of each other).
 */
public record WatchTiming(Duration lookupInterval, Duration pollInterval, Duration lookupGather) {

    static WatchTiming of(DropletConfig config) {
        return new WatchTiming(
                config.batch().lookupInterval(),
                config.pollInterval(),
                config.batch().window());
    }
}
