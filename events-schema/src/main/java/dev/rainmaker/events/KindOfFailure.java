package dev.rainmaker.events;

/**
 * A failure that says which {@link FailureKind} it is. The dead letter ({@code rainmaker-failure}) and
 * {@link ProvisioningFailed#failure()} report it; a failure that does not implement this is permanent.
 */
public interface KindOfFailure {

    FailureKind failureKind();
}
