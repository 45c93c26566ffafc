package dev.rainmaker.droplet.domain;

import java.util.List;

/**
 * The body of one {@code POST /v2/droplets} with {@code names[]}: up to 10 droplets of one size, image and region that
 * share their tags and their cloud-config, and so the host key it carries.
 */
public record DropletBatch(
        List<String> names, String region, String size, String image, List<String> tags, String userData) {

    public static final int MAX_NAMES = 10;

    public DropletBatch {
        names = List.copyOf(names);
        tags = List.copyOf(tags);
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw new IllegalArgumentException("a batch creates 1 to " + MAX_NAMES + " droplets, not " + names.size());
        }
    }

    @Override
    public String toString() {
        return "DropletBatch[" + names + ", " + size + ", " + image + ", " + region + "]";
    }
}
