package dev.rainmaker.events.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;

/**
 * One customer's events as the services publish them, for every module's tests (events-schema's test-jar): a
 * starter-plan customer with one admin (a valid key: the sign-up passes droplet-service's rules), on a droplet whose
 * app answers at {@value #APP_URL}.
 */
public final class TestEvents {

    public static final String ADDRESS = "127.10.0.9";
    public static final String APP_URL = "http://" + ADDRESS + "/";
    public static final String HOST_KEY_FINGERPRINT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";

    private TestEvents() {}

    /** Signed up as ops@{customerId}.example. */
    public static SignupReceived signup(String customerId) {
        return signup(customerId, "ops@" + customerId + ".example");
    }

    public static SignupReceived signup(String customerId, String email) {
        return new SignupReceived(
                customerId,
                email,
                "Ada Lovelace",
                "starter",
                "Europe/Berlin",
                List.of(
                        new AdminUser(
                                "ada",
                                "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEIzlzCbN/W2ogwjuA7Y3/9HLGWJvN8cUmdk4JEeLQOq77PdXK2QngByqy/NvR+3BRhcuJEfj39LdtxoHAY4OiA= ada@laptop")));
    }

    public static Droplet droplet(String customerId, long dropletId) {
        return new Droplet(
                dropletId, "rm-" + customerId, ADDRESS, "fra1", "debian-12-x64", "s-1vcpu-1gb", HOST_KEY_FINGERPRINT);
    }

    public static DropletRequested requested(String customerId) {
        return new DropletRequested(
                signup(customerId), new DropletSpec("rm-" + customerId, "s-1vcpu-1gb", "debian-12-x64", "fra1"));
    }

    public static DropletActive active(String customerId, long dropletId) {
        return new DropletActive(signup(customerId), droplet(customerId, dropletId));
    }

    public static HostHardened hardened(String customerId, long dropletId) {
        return new HostHardened(
                signup(customerId), droplet(customerId, dropletId), List.of("timezone", "sshd", "firewall"));
    }

    public static StackInstalled installed(String customerId, long dropletId) {
        return installed(signup(customerId), dropletId);
    }

    /** nginx 1.22.1 and MariaDB 10.11.6 installed for this sign-up. */
    public static StackInstalled installed(SignupReceived signup, long dropletId) {
        return new StackInstalled(
                signup,
                droplet(signup.customerId(), dropletId),
                Map.of("nginx", "1.22.1", "mariadb", "10.11.6"),
                APP_URL);
    }

    public static CustomerReady ready(String customerId, long dropletId) {
        return new CustomerReady(signup(customerId), droplet(customerId, dropletId), APP_URL);
    }

    /** A droplet that could not be created; ops' reason names a host, which nothing for the customer may. */
    public static ProvisioningFailed failedCreatingDroplet(String customerId) {
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
