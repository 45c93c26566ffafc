package dev.rainmaker.events;

/** The customer has been told, by email, that their server is ready. */
public record CustomerReady(SignupReceived signup, Droplet droplet, String appUrl) implements RainmakerEvent {

    @Override
    public String customerId() {
        return signup.customerId();
    }
}
