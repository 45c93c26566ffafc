package dev.rainmaker.localcloud.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChildProcessesTests {

    /** Started as its own JVM by the test: starts a long sleep as its child, prints the child's pid, waits. */
    public static final class ParentOfASleep {

        public static void main(String[] args) throws Exception {
            // from a thread that ends at once: the child must outlive the thread, not the JVM
            Thread starter = Thread.ofPlatform().start(() -> {
                try {
                    Process sleep = ChildProcesses.start(
                            new ProcessBuilder("sleep", "600"), ChildProcesses.OnParentDeath.valueOf(args[0]));
                    System.out.println(sleep.pid());
                } catch (Exception e) {
                    System.out.println("failed: " + e);
                }
            });
            starter.join();
            Thread.sleep(Duration.ofMinutes(10));
        }
    }

    @Test
    void aChildEndsWhenItsJvmIsKilledButNotWhenTheThreadThatStartedItEnds() throws Exception {
        assumeTrue(ChildProcesses.parentDeathSignalled(), "no setpriv here to set a parent-death signal with");
        for (ChildProcesses.OnParentDeath signal : ChildProcesses.OnParentDeath.values()) {
            Process parent = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ParentOfASleep.class.getName(),
                            signal.name())
                    .redirectErrorStream(true)
                    .start();
            long child;
            try (var out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertThat(line).as("the parent JVM's first line").matches("\\d+");
                child = Long.parseLong(line);
                Thread.sleep(500);
                assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive))
                        .as("the sleep after the thread that started it ended")
                        .contains(true);

                parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive))
                            .as("the sleep (%s on parent death) after its JVM was killed", signal)
                            .isEmpty());
        }
    }

    @Test
    void theCommandIsRunThroughSetprivOnlyWhereItCanBe() {
        List<String> guarded = ChildProcesses.guarded(List.of("ip", "link"), ChildProcesses.OnParentDeath.TERM);

        if (ChildProcesses.parentDeathSignalled()) {
            assertThat(guarded).containsExactly("/usr/bin/setpriv", "--pdeathsig", "TERM", "--", "ip", "link");
        } else {
            assertThat(guarded).containsExactly("ip", "link");
        }
    }
}
