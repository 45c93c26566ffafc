package dev.rainmaker.droplet.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** DigitalOcean's live catalogue as fetched at {@code fetchedAt}: sizes, regions and distribution image slugs. */
public record Catalogue(
        List<CatalogueSize> sizes, List<CatalogueRegion> regions, Set<String> images, Instant fetchedAt) {

    public Catalogue {
        sizes = List.copyOf(sizes);
        regions = List.copyOf(regions);
        images = Set.copyOf(images);
    }

    public Optional<CatalogueSize> size(String slug) {
        return sizes.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    public Optional<CatalogueRegion> region(String slug) {
        return regions.stream().filter(r -> r.slug().equals(slug)).findFirst();
    }
}
