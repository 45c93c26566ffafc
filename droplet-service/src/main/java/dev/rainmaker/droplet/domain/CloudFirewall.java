package dev.rainmaker.droplet.domain;

import java.util.List;

/** A DigitalOcean cloud firewall as listed: its id, name, the droplet tags it applies to and when it was created. */
public record CloudFirewall(String id, String name, List<String> tags, String createdAt) {

    public CloudFirewall {
        tags = List.copyOf(tags);
    }
}
