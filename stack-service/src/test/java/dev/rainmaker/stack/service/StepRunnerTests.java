package dev.rainmaker.stack.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepRunnerTests {

    private static final CommandOutput OK = new CommandOutput(0, "", "");
    private static final CommandOutput NOT_YET = new CommandOutput(1, "", "not there\n");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StepRunner runner = new StepRunner(registry, 3, Duration.ZERO);
    private final ScriptedShell shell = new ScriptedShell();

    private record Step(String name, String check, List<String> apply) implements HostStep {}

    private static final Step STEP = new Step("thing done", "check thing", List.of("do thing", "reload thing"));

    @Test
    void aSatisfiedStepChangesNothing() {
        shell.answer("check thing", OK);

        assertThat(runner.run(shell, STEP)).isEqualTo(StepOutcome.SKIPPED);
        assertThat(shell.ran).containsExactly("check thing");
        assertThat(count("skipped")).isEqualTo(1);
    }

    @Test
    void anUnsatisfiedStepRunsItsChangesThenChecksAgain() {
        shell.answer("check thing", NOT_YET, OK);
        shell.answer("do thing", OK);
        shell.answer("reload thing", OK);

        assertThat(runner.run(shell, STEP)).isEqualTo(StepOutcome.APPLIED);
        assertThat(shell.ran).containsExactly("check thing", "do thing", "reload thing", "check thing");
        assertThat(count("applied")).isEqualTo(1);
    }

    @Test
    void aStepStillUnsatisfiedAfterItsChangeFailsNamingTheStepAndWhatTheHostSaid() {
        shell.answer("check thing", NOT_YET, NOT_YET, NOT_YET, NOT_YET);
        shell.answer("do thing", OK);
        shell.answer("reload thing", OK);

        assertThatThrownBy(() -> runner.run(shell, STEP))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("step 'thing done' on scripted host is still not satisfied after its change")
                .hasMessageContaining("exit status 1, stderr: not there");
        assertThat(count("applied")).isZero();
    }

    @Test
    void aFailingChangeStopsTheStepAndSaysWhichChange() {
        shell.answer("check thing", NOT_YET);
        shell.answer("do thing", new CommandOutput(100, "", "E: Unable to locate package thing\n"));

        assertThatThrownBy(() -> runner.run(shell, STEP))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("step 'thing done'")
                .hasMessageContaining("change 1 of 2 failed: exit status 100, stderr: E: Unable to locate package");
        assertThat(shell.ran).doesNotContain("reload thing");
    }

    @Test
    void aVerificationGetsAFewChancesBeforeItFails() {
        Step probe = new Step("daemon listens", "probe", List.of());
        shell.answer("probe", NOT_YET, NOT_YET, OK);

        assertThat(runner.run(shell, probe)).isEqualTo(StepOutcome.SKIPPED);

        shell.answer("probe", NOT_YET, NOT_YET, NOT_YET, NOT_YET);
        assertThatThrownBy(() -> runner.run(shell, probe))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("step 'daemon listens' failed its verification on scripted host");
    }

    private double count(String outcome) {
        return registry.counter("rainmaker.stack.steps", "outcome", outcome).count();
    }

    private static final class ScriptedShell implements HostShell {
        final Map<String, Deque<CommandOutput>> answers = new HashMap<>();
        final List<String> ran = new ArrayList<>();

        void answer(String command, CommandOutput... outputs) {
            answers.put(command, new ArrayDeque<>(List.of(outputs)));
        }

        @Override
        public CommandOutput run(String command) {
            ran.add(command);
            Deque<CommandOutput> queue = answers.get(command);
            if (queue == null || queue.isEmpty()) {
                throw new AssertionError("unexpected command: " + command);
            }
            return queue.size() == 1 ? queue.peek() : queue.poll();
        }

        @Override
        public String host() {
            return "scripted host";
        }

        @Override
        public void close() {}
    }
}
