package dev.rainmaker.events;

/** The sign-up was valid and its plan maps to a droplet the catalogue offers; the droplet is to be created. */
public record DropletRequested(SignupReceived signup, DropletSpec droplet) implements RainmakerEvent {

    @Override
    public String customerId() {
        return signup.customerId();
    }
}
