package dev.rainmaker.droplet.service.signup;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.Catalogue;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.TransientRetry;

/** DigitalOcean's catalogue, fetched when first needed and again once it is older than the refresh interval. */
@ApplicationScoped
class CatalogueCache {

    private final DigitalOceanApi digitalOcean;
    private final TransientRetry retry;
    private final DropletConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private Catalogue cached;

    CatalogueCache(DigitalOceanApi digitalOcean, TransientRetry retry, DropletConfig config) {
        this.digitalOcean = digitalOcean;
        this.retry = retry;
        this.config = config;
    }

    Catalogue current() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (cached == null
                    || cached.fetchedAt().plus(config.catalogueRefresh()).isBefore(now)) {
                cached = retry.call(
                        "fetching DigitalOcean's catalogue",
                        () -> new Catalogue(
                                digitalOcean.sizes(), digitalOcean.regions(), digitalOcean.distributionImages(), now));
            }
            return cached;
        } finally {
            lock.unlock();
        }
    }
}
