package dev.rainmaker.localcloud.digitalocean;

import java.util.List;
import java.util.Optional;

/** What the stand-in offers: regions (with the sizes each offers), sizes and distribution images. */
public record Catalogue(List<CatalogueRegion> regions, List<CatalogueSize> sizes, List<CatalogueImage> images) {

    private static final List<String> ALL_SIZES = List.of("s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb");

    public Catalogue {
        regions = List.copyOf(regions);
        sizes = List.copyOf(sizes);
        images = List.copyOf(images);
    }

    /**
     * A small, DigitalOcean-like catalogue: nyc3, fra1 and ams3 offer every size; sgp1 offers only the smallest; the
     * unavailable lon1 offers none.
     */
    public static Catalogue standard() {
        return new Catalogue(
                List.of(
                        new CatalogueRegion("nyc3", "New York 3", true, ALL_SIZES),
                        new CatalogueRegion("fra1", "Frankfurt 1", true, ALL_SIZES),
                        new CatalogueRegion("ams3", "Amsterdam 3", true, ALL_SIZES),
                        new CatalogueRegion("sgp1", "Singapore 1", true, List.of("s-1vcpu-1gb")),
                        new CatalogueRegion("lon1", "London 1", false, List.of())),
                List.of(
                        new CatalogueSize("s-1vcpu-1gb", 1024, 1, 25, 6.00),
                        new CatalogueSize("s-1vcpu-2gb", 2048, 1, 50, 12.00),
                        new CatalogueSize("s-2vcpu-4gb", 4096, 2, 80, 24.00)),
                List.of(
                        new CatalogueImage(170_000_001L, "debian-12-x64", "12 x64", "Debian"),
                        new CatalogueImage(170_000_002L, "ubuntu-24-04-x64", "24.04 (LTS) x64", "Ubuntu"),
                        new CatalogueImage(170_000_003L, "rocky-9-x64", "9 x64", "Rocky Linux")));
    }

    Optional<CatalogueRegion> region(String slug) {
        return regions.stream().filter(r -> r.slug().equals(slug)).findFirst();
    }

    Optional<CatalogueSize> size(String slug) {
        return sizes.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    Optional<CatalogueImage> image(String slug) {
        return images.stream().filter(i -> i.slug().equals(slug)).findFirst();
    }

    List<String> regionSlugs() {
        return regions.stream().map(CatalogueRegion::slug).toList();
    }

    List<String> regionsOffering(String sizeSlug) {
        return regions.stream()
                .filter(r -> r.available() && r.sizes().contains(sizeSlug))
                .map(CatalogueRegion::slug)
                .toList();
    }
}
