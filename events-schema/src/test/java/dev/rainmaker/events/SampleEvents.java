package dev.rainmaker.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

final class SampleEvents {

    static final SignupReceived SIGNUP = new SignupReceived(
            "acme-42",
            "ops@acme.example",
            "Ada Lovelace",
            "starter",
            "Europe/Berlin",
            List.of(new AdminUser(
                    "ada",
                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd ada@laptop")));

    static final Droplet DROPLET = new Droplet(
            3164444L,
            "rm-acme-42",
            "203.0.113.17",
            "fra1",
            "debian-12-x64",
            "s-1vcpu-1gb",
            "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");

    static final String APP_URL = "http://203.0.113.17/";

    static List<RainmakerEvent> oneOfEach() {
        return List.of(
                SIGNUP,
                new DropletRequested(SIGNUP, new DropletSpec("rm-acme-42", "s-1vcpu-1gb", "debian-12-x64", "fra1")),
                new DropletActive(SIGNUP, DROPLET),
                new HostHardened(SIGNUP, DROPLET, List.of("timezone", "admin-users", "sshd", "firewall")),
                new StackInstalled(SIGNUP, DROPLET, Map.of("nginx", "1.22.1", "mariadb", "10.11.6"), APP_URL),
                new CustomerReady(SIGNUP, DROPLET, APP_URL),
                new ProvisioningFailed(
                        "acme-42",
                        SIGNUP,
                        ProvisioningStage.HARDENING_HOST,
                        "no SSH answer from droplet 3164444 within PT5M (31 attempts)",
                        31,
                        DROPLET.id(),
                        Instant.parse("2026-11-25T03:04:05.123Z")),
                new DropletTornDown(
                        "acme-42",
                        DROPLET.id(),
                        "failed while hardening the host: no SSH answer",
                        Instant.parse("2026-11-25T03:04:09.456Z")));
    }

    private SampleEvents() {}
}
