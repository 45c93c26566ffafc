package dev.rainmaker.messaging;

import java.util.Map;

import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.events.testing.TestEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailedCustomerTests {

    @Test
    void aRejectedSignupNamesItsCustomerButIsNotPassedOn() {
        FailedCustomer customer = FailedCustomer.of(TestEvents.signup("acme-1"));

        assertThat(customer).isEqualTo(new FailedCustomer("acme-1", null, null));
        assertThat(customer.isKnown()).isTrue();
    }

    @Test
    void anEventAfterTheSignupPassesOnTheSignupAndTheDropletItKnows() {
        DropletActive active = TestEvents.active("acme-2", 22L);

        assertThat(FailedCustomer.of(active)).isEqualTo(new FailedCustomer("acme-2", active.signup(), 22L));
        assertThat(FailedCustomer.of(new DropletRequested(
                        active.signup(), new DropletSpec("rm-acme-2", "s-1vcpu-1gb", "debian-12-x64", "fra1"))))
                .isEqualTo(new FailedCustomer("acme-2", active.signup(), null));
    }

    @Test
    void anEventMissingItsSignupOrDropletNamesNoOneRatherThanFailingAgain() {
        FailedCustomer customer = FailedCustomer.of(new StackInstalled(null, null, Map.of(), "http://127.10.0.9/"));

        assertThat(customer).isEqualTo(new FailedCustomer(null, null, null));
        assertThat(customer.isKnown()).isFalse();
    }

    @Test
    void aBlankCustomerIdIsNoCustomer() {
        assertThat(FailedCustomer.of(new SignupReceived(" ", null, null, null, null, null))
                        .isKnown())
                .isFalse();
    }
}
