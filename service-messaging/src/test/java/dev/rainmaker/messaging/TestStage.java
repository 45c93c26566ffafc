package dev.rainmaker.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.AttemptCount;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.FailureKind;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.KindOfFailure;
import dev.rainmaker.events.ProvisioningStage;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A stage as a service writes one with this library: hardens nothing, but fails for customers whose id starts with
 * {@value #FAILING}, after {@value #ATTEMPTS} tries counted by a failure wrapped in another, and for those whose id
 * starts with {@value #BUDGET_SPENT} with a failure that says its stage budget was spent.
 */
@ApplicationScoped
public class TestStage {

    static final String FAILING = "fail-";
    static final int ATTEMPTS = 7;
    static final String REASON = "the host refused SSH for 5 minutes";
    static final String BUDGET_SPENT = "spent-";
    static final String SPENT_REASON = "the stage budget PT20M was spent; the host was last running apt-get";

    private final MutinyEmitter<String> hardened;
    private final EventMessages messages;
    private final StageHandler stage;

    TestStage(
            @Channel("hosts-hardened-out") MutinyEmitter<String> hardened, EventMessages messages, StageHandler stage) {
        this.hardened = hardened;
        this.messages = messages;
        this.stage = stage;
    }

    @Incoming("droplets-active-in")
    @RunOnVirtualThread
    public CompletionStage<Void> consume(Message<String> message) {
        return stage.handle(message, ProvisioningStage.HARDENING_HOST, DropletActive.class, this::harden);
    }

    private void harden(DropletActive event) {
        if (event.customerId().startsWith(FAILING)) {
            throw new IllegalStateException(REASON, new CountedFailure());
        }
        if (event.customerId().startsWith(BUDGET_SPENT)) {
            throw new SpentFailure();
        }
        hardened.sendMessageAndAwait(messages.of(new HostHardened(event.signup(), event.droplet(), List.of("sshd"))));
    }

    static final class CountedFailure extends RuntimeException implements AttemptCount {

        CountedFailure() {
            super("connection refused");
        }

        @Override
        public int attempts() {
            return ATTEMPTS;
        }
    }

    static final class SpentFailure extends RuntimeException implements KindOfFailure, AttemptCount {

        SpentFailure() {
            super(SPENT_REASON);
        }

        @Override
        public FailureKind failureKind() {
            return FailureKind.BUDGET_SPENT;
        }

        @Override
        public int attempts() {
            return 4;
        }
    }
}
