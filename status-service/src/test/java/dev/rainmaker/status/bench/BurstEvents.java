package dev.rainmaker.status.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;

/** One customer's events in a burst: every 20th fails hardening and is torn down, every 10th (+1) waits for email. */
final class BurstEvents {

    private BurstEvents() {}

    static List<RainmakerEvent> of(String customer, int i) {
        SignupReceived signup = new SignupReceived(
                customer,
                customer + "@acme.example",
                "Ada",
                "starter",
                "UTC",
                List.of(new AdminUser(
                        "ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd")));
        Droplet droplet = new Droplet(
                1000L + i,
                "rm-" + customer,
                "10.0." + (i / 250) + "." + (i % 250),
                "fra1",
                "debian-12-x64",
                "s-1vcpu-1gb",
                "SHA256:burst" + i);
        RainmakerEvent requested =
                new DropletRequested(signup, new DropletSpec("rm-" + customer, "s-1vcpu-1gb", "debian-12-x64", "fra1"));
        RainmakerEvent active = new DropletActive(signup, droplet);
        if (i % 20 == 0) {
            return List.of(
                    signup,
                    requested,
                    active,
                    new ProvisioningFailed(
                            customer,
                            signup,
                            ProvisioningStage.HARDENING_HOST,
                            "refused root login",
                            3,
                            droplet.id(),
                            Instant.now()),
                    new DropletTornDown(customer, droplet.id(), "failed while hardening the host", Instant.now()));
        }
        RainmakerEvent hardened = new HostHardened(signup, droplet, List.of("timezone", "sshd", "firewall"));
        RainmakerEvent installed = new StackInstalled(
                signup,
                droplet,
                Map.of("nginx", "1.22.1", "mariadb", "10.11.6", "php-fpm", "8.2"),
                "http://" + droplet.publicIpv4() + "/");
        if (i % 10 == 1) {
            return List.of(signup, requested, active, hardened, installed);
        }
        return List.of(
                signup,
                requested,
                active,
                hardened,
                installed,
                new CustomerReady(signup, droplet, "http://" + droplet.publicIpv4() + "/"));
    }

    /** How many of the first {@code customers} become ready. */
    static long ready(int customers) {
        long ready = 0;
        for (int i = 0; i < customers; i++) {
            ready += i % 20 != 0 && i % 10 != 1 ? 1 : 0;
        }
        return ready;
    }
}
