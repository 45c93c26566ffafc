package dev.rainmaker.localcloud.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts child processes that end with this JVM, also when it is killed (SIGKILL) and no shutdown hook runs: each is
 * started through util-linux's {@code setpriv --pdeathsig SIG}, so the kernel sends it SIG when its parent goes
 * ({@code PR_SET_PDEATHSIG}). The kernel counts the <em>thread</em> that started a child as its parent, so every child
 * is started from one platform thread that lives as long as the JVM: a child started from a pool thread (a Vert.x
 * worker, a virtual thread's carrier) would be signalled when that thread ends. Where {@code setpriv} is missing (not
 * Linux), children start as they are and only the shutdown hooks and start-up sweeps clean up.
 */
public final class ChildProcesses {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private static final ExecutorService PARENT = Executors.newSingleThreadExecutor(runnable ->
            Thread.ofPlatform().name("child-process-parent").daemon().unstarted(runnable));

    /** What a child gets when its parent dies. */
    public enum OnParentDeath {
        /** Asked to stop: a JVM runs its shutdown hooks, a server closes what it holds. */
        TERM,
        /** Killed: for tools that hold nothing worth a clean stop. */
        KILL
    }

    private ChildProcesses() {}

    /** Whether children started here are signalled when this JVM dies. */
    public static boolean parentDeathSignalled() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && Files.isExecutable(SETPRIV);
    }

    /** Starts {@code builder}'s command (unchanged in the builder) as a child that gets {@code signal} when we die. */
    public static Process start(ProcessBuilder builder, OnParentDeath signal) throws IOException {
        List<String> command = builder.command();
        List<String> guarded = guarded(command, signal);
        Future<Process> started = PARENT.submit(() -> {
            builder.command(guarded);
            try {
                return builder.start();
            } finally {
                builder.command(command);
            }
        });
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + command.getFirst(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("could not start " + command.getFirst(), e.getCause());
        }
    }

    static List<String> guarded(List<String> command, OnParentDeath signal) {
        if (!parentDeathSignalled()) {
            return command;
        }
        List<String> guarded = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", signal.name(), "--"));
        guarded.addAll(command);
        return guarded;
    }
}
