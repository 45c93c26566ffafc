package dev.rainmaker.droplet.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.rainmaker.droplet.config.DropletConfig;

/**
 * A {@link DropletConfig} for plain unit tests: an API URL and token, short timeouts, no plans, DigitalOcean's rate
 * limits unless given.
 */
public record TestDropletConfig(
        String apiUrl, Optional<String> token, int perMinute, int perHour, Duration requestTimeout)
        implements DropletConfig {

    public TestDropletConfig(String apiUrl, Optional<String> token) {
        this(apiUrl, token, 250, 5000, Duration.ofSeconds(5));
    }

    @Override
    public Path provisioningPublicKeyFile() {
        return Path.of("provisioning.pub");
    }

    @Override
    public Map<String, Plan> plans() {
        return Map.of();
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(50);
    }

    @Override
    public double listingShare() {
        return 0.5;
    }

    @Override
    public Duration bootTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration notFoundGrace() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration catalogueRefresh() {
        return Duration.ofMinutes(10);
    }

    @Override
    public Retry retry() {
        return new Retry() {
            @Override
            public int maxAttempts() {
                return 2;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(20);
            }
        };
    }

    @Override
    public RateLimit rateLimit() {
        return new RateLimit() {
            @Override
            public int perMinute() {
                return perMinute;
            }

            @Override
            public int perHour() {
                return perHour;
            }

            @Override
            public int instances() {
                return 1;
            }
        };
    }

    @Override
    public Batch batch() {
        return new Batch() {
            @Override
            public int maxSize() {
                return 10;
            }

            @Override
            public Duration window() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration lookupInterval() {
                return Duration.ofMillis(50);
            }
        };
    }

    @Override
    public boolean keepFailedDroplets() {
        return false;
    }
}
