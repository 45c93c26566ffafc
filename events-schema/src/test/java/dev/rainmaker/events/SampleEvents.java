package dev.rainmaker.events;

import java.time.Instant;
import java.util.List;

import dev.rainmaker.events.testing.TestEvents;

/** One event of each type, every optional field filled, for the schema tests. */
final class SampleEvents {

    private static final String CUSTOMER = "acme-42";
    private static final long DROPLET_ID = 3164444L;

    static List<RainmakerEvent> oneOfEach() {
        return List.of(
                TestEvents.signup(CUSTOMER),
                TestEvents.requested(CUSTOMER),
                TestEvents.active(CUSTOMER, DROPLET_ID),
                TestEvents.hardened(CUSTOMER, DROPLET_ID),
                TestEvents.installed(CUSTOMER, DROPLET_ID),
                TestEvents.ready(CUSTOMER, DROPLET_ID),
                new ProvisioningFailed(
                        CUSTOMER,
                        TestEvents.signup(CUSTOMER),
                        ProvisioningStage.HARDENING_HOST,
                        "no SSH answer from droplet 3164444 within PT5M (31 attempts)",
                        31,
                        DROPLET_ID,
                        Instant.parse("2026-11-25T03:04:05.123Z")),
                new DropletTornDown(
                        CUSTOMER,
                        DROPLET_ID,
                        "failed while hardening the host: no SSH answer",
                        Instant.parse("2026-11-25T03:04:09.456Z")));
    }

    private SampleEvents() {}
}
