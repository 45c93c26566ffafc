package dev.rainmaker.bootstrap.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.bootstrap.domain.StepOutcome;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepRunnerTests {

    private static final HostStep MARKER =
            new HostStep("marker", "check", out -> out.stdout().equals("yes"), "apply");

    private final StepRunner runner = new StepRunner();

    @Test
    void aSatisfiedStepIsSkippedWithoutRunningItsChange() {
        FakeHost host = new FakeHost(command -> ok("yes"));

        assertThat(runner.run(host, MARKER)).isEqualTo(StepOutcome.SKIPPED);
        assertThat(host.commands).containsExactly("check");
    }

    @Test
    void anUnsatisfiedStepIsAppliedThenCheckedAgain() {
        boolean[] applied = {false};
        FakeHost host = new FakeHost(command -> {
            if (command.equals("apply")) {
                applied[0] = true;
            }
            return ok(applied[0] ? "yes" : "no");
        });

        assertThat(runner.run(host, MARKER)).isEqualTo(StepOutcome.APPLIED);
        assertThat(host.commands).containsExactly("check", "apply", "check");
    }

    @Test
    void aStepStillUnsatisfiedAfterItsChangeFailsNamingTheStepAndTheHostOutput() {
        FakeHost host = new FakeHost(command ->
                command.equals("apply") ? new CommandOutput(100, "", "E: Unable to locate package ufw") : ok("no"));

        assertThatThrownBy(() -> runner.run(host, MARKER))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("hardening step 'marker'")
                .hasMessageContaining("exit status 100")
                .hasMessageContaining("E: Unable to locate package ufw");
    }

    private static CommandOutput ok(String stdout) {
        return new CommandOutput(0, stdout, "");
    }

    private static final class FakeHost implements HostShell {

        final List<String> commands = new ArrayList<>();
        private final Function<String, CommandOutput> answers;

        FakeHost(Function<String, CommandOutput> answers) {
            this.answers = answers;
        }

        @Override
        public CommandOutput run(String command) {
            commands.add(command);
            return answers.apply(command);
        }

        @Override
        public String host() {
            return "test host";
        }

        @Override
        public void close() {}
    }
}
