package dev.rainmaker.api;

import java.time.Instant;
import java.util.List;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;

/** The events webhooks are made of, as notifier-service and the stages publish them, for the webhook tests. */
public final class WebhookTestEvents {

    private WebhookTestEvents() {}

    /** A starter-plan customer whose server answers at http://127.10.0.9/. */
    public static CustomerReady ready(String customerId) {
        SignupReceived signup = new SignupReceived(
                customerId,
                "ada@acme.example",
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
        return new CustomerReady(signup, droplet, "http://127.10.0.9/");
    }

    /** A droplet that could not be created; ops' reason names a host, which the webhook must not. */
    public static ProvisioningFailed failed(String customerId) {
        return new ProvisioningFailed(
                customerId,
                null,
                ProvisioningStage.CREATING_DROPLET,
                "droplet 9 on host x: 422",
                3,
                null,
                Instant.now());
    }
}
