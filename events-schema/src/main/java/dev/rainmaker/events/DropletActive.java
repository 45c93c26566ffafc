package dev.rainmaker.events;

/** The customer's droplet is active and has a public IPv4 address. */
public record DropletActive(SignupReceived signup, Droplet droplet) implements RainmakerEvent {

    @Override
    public String customerId() {
        return signup.customerId();
    }
}
