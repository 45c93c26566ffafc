package dev.rainmaker.events;

import java.util.Map;

/** Every component of the stack is installed and was seen working; {@code components} maps each to its version. */
public record StackInstalled(SignupReceived signup, Droplet droplet, Map<String, String> components, String appUrl)
        implements RainmakerEvent {

    public StackInstalled {
        components = Map.copyOf(components);
    }

    @Override
    public String customerId() {
        return signup.customerId();
    }
}
