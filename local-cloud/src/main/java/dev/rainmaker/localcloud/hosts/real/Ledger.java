package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the machine's Rainmaker runs own, written before they make it, so that a later run can tell what a killed run
 * left from what a live one still uses: a file per run with real hosts ({@code run-<pid>}) and per host network
 * ({@code rmh<N>}), each naming its owner by process id and start time. Kept under {@code /run} (memory, gone at
 * reboot with the namespaces it describes).
 */
final class Ledger {

    static final Path DEFAULT_DIRECTORY = Path.of("/run/rainmaker/real-hosts");

    private final Path directory;
    private final MachineProcess self;

    /** A host network and its root file system, and whose they are. */
    record NetworkEntry(int index, RunOwner owner, Path rootfs) {}

    Ledger(Path directory) {
        this.directory = directory;
        this.self = MachineProcess.self();
    }

    static Ledger ofThisMachine() {
        return new Ledger(DEFAULT_DIRECTORY);
    }

    Path directory() {
        return directory;
    }

    void recordRun() {
        write("run-" + self.pid(), owner(self) + "\n");
    }

    void forgetRun() {
        delete("run-" + self.pid());
    }

    /** Runs whose process still runs (this one included once recorded); the entries of dead ones are removed. */
    List<RunOwner> liveRuns() {
        List<RunOwner> live = new ArrayList<>();
        for (Path entry : entries("run-*")) {
            Optional<RunOwner> owner = read(entry).flatMap(RunOwner::parse);
            if (owner.isPresent() && owner.get().alive()) {
                live.add(owner.get());
            } else {
                delete(entry.getFileName().toString());
            }
        }
        return live;
    }

    boolean otherLiveRuns() {
        return liveRuns().stream().anyMatch(owner -> owner.pid() != self.pid());
    }

    void recordNetwork(HostNetwork network, Path rootfs) {
        write(network.namespace(), owner(self) + "\n" + rootfs.toAbsolutePath() + "\n");
    }

    void forgetNetwork(HostNetwork network) {
        delete(network.namespace());
    }

    Optional<NetworkEntry> network(HostNetwork network) {
        return read(directory.resolve(network.namespace())).flatMap(text -> {
            String[] lines = text.split("\n");
            return RunOwner.parse(lines[0])
                    .map(owner ->
                            new NetworkEntry(network.index(), owner, lines.length > 1 ? Path.of(lines[1]) : null));
        });
    }

    private static String owner(MachineProcess process) {
        return new RunOwner(process.pid(), process.startTime()).text();
    }

    private List<Path> entries(String glob) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + directory, e);
        }
        return entries;
    }

    private void write(String name, String content) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory.resolve(name), e);
        }
    }

    private void delete(String name) {
        try {
            Files.deleteIfExists(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + directory.resolve(name), e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
