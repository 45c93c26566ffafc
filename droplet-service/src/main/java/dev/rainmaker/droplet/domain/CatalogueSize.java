package dev.rainmaker.droplet.domain;

import java.util.List;

/** A droplet size as DigitalOcean's catalogue lists it, with the regions it can be created in. */
public record CatalogueSize(String slug, boolean available, List<String> regions) {

    public CatalogueSize {
        regions = List.copyOf(regions);
    }
}
