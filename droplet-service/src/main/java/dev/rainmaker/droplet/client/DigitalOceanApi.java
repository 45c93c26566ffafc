package dev.rainmaker.droplet.client;

import java.util.List;
import java.util.Set;

import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.DropletCreation;
import dev.rainmaker.droplet.domain.RemoteDroplet;

/** The DigitalOcean API v2 calls droplet-service makes. Blocking; each failure is a {@link DigitalOceanException}. */
public interface DigitalOceanApi {

    /** {@code GET /v2/account}: succeeds when the API answers and accepts the token. */
    void checkAccount();

    List<CatalogueSize> sizes();

    List<CatalogueRegion> regions();

    /** Slugs of the public distribution images. */
    Set<String> distributionImages();

    /** Every droplet carrying {@code tag}, following pagination. */
    List<RemoteDroplet> dropletsTagged(String tag);

    /** {@code POST /v2/droplets}; a transient failure means the droplet may or may not have been created. */
    RemoteDroplet create(DropletCreation creation);

    /** {@code GET /v2/droplets/{id}}; an unknown droplet fails with {@link DigitalOceanException#notFound()}. */
    RemoteDroplet droplet(long id);
}
