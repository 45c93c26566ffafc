package dev.rainmaker.status.domain;

import dev.rainmaker.events.Droplet;

/** The customer's droplet as the console shows it. */
public record DropletView(
        long id, String name, String ip, String region, String image, String size, String hostKeyFingerprint) {

    public static DropletView of(Droplet droplet) {
        return new DropletView(
                droplet.id(),
                droplet.name(),
                droplet.publicIpv4(),
                droplet.region(),
                droplet.image(),
                droplet.size(),
                droplet.hostKeyFingerprint());
    }
}
