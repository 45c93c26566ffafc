package dev.rainmaker.events;

/**
 * A failure that knows how many tries were made before giving up. The dead letter ({@code rainmaker-attempts}) and
 * {@link ProvisioningFailed#attempts()} report it; a failure that does not implement this was tried once.
 */
public interface AttemptCount {

    int attempts();
}
