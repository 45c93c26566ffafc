package dev.rainmaker.messaging;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;

/**
 * Who a failed event was about, as far as it says: a record that failed may lack any part, and a
 * {@code ProvisioningFailed} is published only when the customer id is known.
 */
record FailedCustomer(String customerId, SignupReceived signup, Long dropletId) {

    static FailedCustomer of(RainmakerEvent event) {
        return switch (event) {
            // A rejected sign-up is not passed on: its validity is what failed.
            case SignupReceived signup -> new FailedCustomer(signup.customerId(), null, null);
            case DropletRequested requested -> of(requested.signup(), null);
            case DropletActive active -> of(active.signup(), active.droplet());
            case HostHardened hardened -> of(hardened.signup(), hardened.droplet());
            case StackInstalled installed -> of(installed.signup(), installed.droplet());
            case CustomerReady ready -> of(ready.signup(), ready.droplet());
            case ProvisioningFailed failed ->
                new FailedCustomer(failed.customerId(), failed.signup(), failed.dropletId());
            case DropletTornDown tornDown -> new FailedCustomer(tornDown.customerId(), null, tornDown.dropletId());
        };
    }

    private static FailedCustomer of(SignupReceived signup, Droplet droplet) {
        return new FailedCustomer(
                signup == null ? null : signup.customerId(), signup, droplet == null ? null : droplet.id());
    }

    boolean isKnown() {
        return customerId != null && !customerId.isBlank();
    }
}
