package dev.rainmaker.messaging;

import java.util.List;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.SignupReceived;

/** Events for the library's tests. */
final class TestEvents {

    private TestEvents() {}

    static SignupReceived signup(String customerId) {
        return new SignupReceived(
                customerId,
                "ada@acme.example",
                "Ada",
                "starter",
                "Europe/Berlin",
                List.of(new AdminUser("ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq ada@laptop")));
    }

    static DropletActive dropletActive(String customerId, long dropletId) {
        return new DropletActive(
                signup(customerId),
                new Droplet(
                        dropletId,
                        "rm-" + customerId,
                        "127.10.0.9",
                        "fra1",
                        "debian-12-x64",
                        "s-1vcpu-1gb",
                        "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"));
    }
}
