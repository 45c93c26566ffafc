package dev.rainmaker.events;

import java.util.List;

/** The host is hardened; {@code steps} names each hardening step, each of which was verified on the host. */
public record HostHardened(SignupReceived signup, Droplet droplet, List<String> steps) implements RainmakerEvent {

    public HostHardened {
        steps = List.copyOf(steps);
    }

    @Override
    public String customerId() {
        return signup.customerId();
    }
}
