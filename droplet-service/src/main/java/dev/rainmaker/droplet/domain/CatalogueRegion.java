package dev.rainmaker.droplet.domain;

import java.util.List;

/** A region as DigitalOcean's catalogue lists it: whether it accepts new droplets and which sizes it offers. */
public record CatalogueRegion(String slug, boolean available, List<String> sizes) {

    public CatalogueRegion {
        sizes = List.copyOf(sizes);
    }
}
