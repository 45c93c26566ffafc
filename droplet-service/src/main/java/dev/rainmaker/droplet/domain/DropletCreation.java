package dev.rainmaker.droplet.domain;

import java.util.List;

/** The body of one {@code POST /v2/droplets}: what to create, how to tag it and the cloud-config it boots with. */
public record DropletCreation(
        String name, String region, String size, String image, List<String> tags, String userData) {

    public DropletCreation {
        tags = List.copyOf(tags);
    }
}
