package dev.rainmaker.localcloud.digitalocean;

import java.util.List;

/** What a test can see of a droplet in the stand-in: its identity, tags, status and the {@code user_data} given. */
public record StandInDroplet(long id, String name, List<String> tags, String status, String userData) {

    public StandInDroplet {
        tags = List.copyOf(tags);
    }
}
