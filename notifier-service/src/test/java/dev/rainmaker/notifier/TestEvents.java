package dev.rainmaker.notifier;

import java.util.List;
import java.util.Map;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;

/** Events as the stage before the notifier publishes them, for the notifier's tests. */
public final class TestEvents {

    private TestEvents() {}

    /** A starter-plan customer's stack, installed on droplet 7 with one admin. */
    public static StackInstalled stackInstalled(String customerId, String email) {
        SignupReceived signup = new SignupReceived(
                customerId,
                email,
                "Ada Lovelace",
                "starter",
                "Europe/Berlin",
                List.of(new AdminUser("ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq ada@laptop")));
        Droplet droplet = new Droplet(
                7L,
                "rm-" + customerId,
                "127.10.0.9",
                "fra1",
                "debian-12-x64",
                "s-1vcpu-1gb",
                "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        return new StackInstalled(signup, droplet, Map.of("nginx", "1.22.1"), "http://127.10.0.9/");
    }
}
