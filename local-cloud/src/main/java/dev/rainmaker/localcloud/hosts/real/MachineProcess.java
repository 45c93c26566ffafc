package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A process of this machine as {@code /proc} shows it: its parent, its start time (which tells a process from a later
 * one that got the same id) and its command line.
 */
record MachineProcess(long pid, long parentPid, long startTime, String name, List<String> commandLine) {

    /** The process, if it still runs. */
    static Optional<MachineProcess> of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"), StandardCharsets.UTF_8);
            // "pid (name) state ppid ...": the name may hold spaces and parentheses, so read from its last ')'
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            byte[] cmdline = Files.readAllBytes(proc.resolve("cmdline"));
            List<String> words = cmdline.length == 0
                    ? List.of()
                    : Arrays.asList(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
            return Optional.of(
                    new MachineProcess(pid, Long.parseLong(fields[1]), Long.parseLong(fields[19]), name, words));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** This JVM. */
    static MachineProcess self() {
        return of(ProcessHandle.current().pid()).orElseThrow(() -> new IllegalStateException("no /proc/self"));
    }

    static List<MachineProcess> all() {
        List<MachineProcess> processes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                of(Long.parseLong(entry.getFileName().toString())).ifPresent(processes::add);
            }
        } catch (IOException e) {
            return processes;
        }
        return processes;
    }

    /** Whether the process that had this id and start time still runs. */
    static boolean alive(long pid, long startTime) {
        return of(pid).filter(p -> p.startTime() == startTime).isPresent();
    }

    Optional<MachineProcess> parent() {
        return parentPid <= 0 ? Optional.empty() : of(parentPid);
    }

    boolean isJvm() {
        return name.equals("java");
    }

    /** Whether a JVM (a Rainmaker run, a test) is among its ancestors: otherwise whoever started it is gone. */
    boolean hasJvmAncestor() {
        Optional<MachineProcess> ancestor = parent();
        for (int depth = 0; ancestor.isPresent() && depth < 64; depth++) {
            if (ancestor.get().isJvm()) {
                return true;
            }
            ancestor = ancestor.get().parent();
        }
        return false;
    }
}
