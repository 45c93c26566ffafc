package dev.rainmaker.events;

/** One step of a customer's way from sign-up to ready. The customer id is the Kafka key of every event. */
public sealed interface RainmakerEvent
        permits SignupReceived,
                DropletRequested,
                DropletActive,
                HostHardened,
                StackInstalled,
                CustomerReady,
                ProvisioningFailed,
                DropletTornDown {

    String customerId();
}
