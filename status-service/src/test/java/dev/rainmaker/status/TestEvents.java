package dev.rainmaker.status;

import java.util.List;
import java.util.Map;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;

/** Real events of the pipeline, as the services publish them, for one customer. */
final class TestEvents {

    private TestEvents() {}

    static SignupReceived signup(String customer) {
        return new SignupReceived(
                customer,
                "ops@" + customer + ".example",
                "Ada Lovelace",
                "starter",
                "Europe/Berlin",
                List.of(new AdminUser(
                        "ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd")));
    }

    static Droplet droplet(String customer, long id) {
        return new Droplet(
                id,
                "rm-" + customer,
                "10.0.0.7",
                "fra1",
                "debian-12-x64",
                "s-1vcpu-1gb",
                "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
    }

    static DropletRequested requested(String customer) {
        return new DropletRequested(
                signup(customer), new DropletSpec("rm-" + customer, "s-1vcpu-1gb", "debian-12-x64", "fra1"));
    }

    static DropletActive active(String customer, long id) {
        return new DropletActive(signup(customer), droplet(customer, id));
    }

    static HostHardened hardened(String customer, long id) {
        return new HostHardened(signup(customer), droplet(customer, id), List.of("timezone", "sshd", "firewall"));
    }

    static StackInstalled installed(String customer, long id) {
        return new StackInstalled(
                signup(customer),
                droplet(customer, id),
                Map.of("nginx", "1.22.1", "mariadb", "10.11.6"),
                "http://10.0.0.7/");
    }

    static CustomerReady ready(String customer, long id) {
        return new CustomerReady(signup(customer), droplet(customer, id), "http://10.0.0.7/");
    }
}
