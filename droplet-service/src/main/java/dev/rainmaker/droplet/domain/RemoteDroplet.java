package dev.rainmaker.droplet.domain;

import java.util.List;
import java.util.Optional;

/** A droplet as DigitalOcean reports it; {@code publicIpv4} is empty until DigitalOcean has assigned one. */
public record RemoteDroplet(
        long id,
        String name,
        String status,
        Optional<String> publicIpv4,
        String region,
        String image,
        String size,
        List<String> tags) {

    public RemoteDroplet {
        tags = List.copyOf(tags);
    }

    public boolean activeWithAddress() {
        return status.equals("active") && publicIpv4.isPresent();
    }
}
