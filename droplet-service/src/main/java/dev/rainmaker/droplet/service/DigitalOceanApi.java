package dev.rainmaker.droplet.service;

import java.util.List;
import java.util.Set;

import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.CloudFirewall;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.RemoteDroplet;

/**
 * The DigitalOcean API v2 calls droplet-service makes. Blocking; each failure is a {@link DigitalOceanException}. A
 * 429 is never a failure: the call waits until DigitalOcean takes requests again and is sent again.
 */
public interface DigitalOceanApi {

    /** {@code GET /v2/account}: succeeds when the API answers and accepts the token. */
    void checkAccount();

    List<CatalogueSize> sizes();

    List<CatalogueRegion> regions();

    /** Slugs of the public distribution images. */
    Set<String> distributionImages();

    /** Every droplet carrying {@code tag}, following pagination (200 a page). */
    List<RemoteDroplet> dropletsTagged(String tag);

    /** {@code GET /v2/droplets?name=}: every droplet with that name (DigitalOcean matches it exactly), any tags. */
    List<RemoteDroplet> dropletsNamed(String name);

    /**
     * {@code DELETE /v2/tags/{tag}/resources}: takes {@code tag} off the droplets (at most 200 ids a call); the tag
     * itself stays.
     */
    void untag(String tag, List<Long> dropletIds);

    /**
     * {@code POST /v2/droplets} with {@code names[]}; a transient failure means the droplets may or may not have been
     * created.
     */
    List<RemoteDroplet> createAll(DropletBatch batch);

    /** {@code DELETE /v2/droplets/{id}}; a droplet already gone fails with {@link DigitalOceanException#notFound()}. */
    void destroy(long dropletId);

    /** Every cloud firewall of the account. */
    List<CloudFirewall> firewalls();

    /** {@code POST /v2/tags}: creates the tag, or finds it when it exists (firewalls may only name existing tags). */
    void createTag(String name);

    /** {@code POST /v2/firewalls}: the firewall Rainmaker's droplets get, by tag. */
    CloudFirewall createFirewall(String name, String dropletTag);

    /** {@code DELETE /v2/firewalls/{id}}; a firewall already gone fails with {@link DigitalOceanException#notFound()}. */
    void deleteFirewall(String firewallId);
}
