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

    /** Whoever made an entry: the process with this id that started at this time. */
    record Owner(long pid, long startTime) {

        boolean alive() {
            return MachineProcess.alive(pid, startTime);
        }
    }

    /** A host network and its root file system, and whose they are. */
    record NetworkEntry(int index, Owner owner, Path rootfs) {}

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
    List<Owner> liveRuns() {
        List<Owner> live = new ArrayList<>();
        for (Path entry : entries("run-*")) {
            Optional<Owner> owner = read(entry).flatMap(Ledger::parseOwner);
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
            return parseOwner(lines[0])
                    .map(owner ->
                            new NetworkEntry(network.index(), owner, lines.length > 1 ? Path.of(lines[1]) : null));
        });
    }

    private static String owner(MachineProcess process) {
        return process.pid() + " " + process.startTime();
    }

    /** Empty for an entry that cannot be read (cut short by a crash while written): nobody's, so a leftover. */
    private static Optional<Owner> parseOwner(String text) {
        String[] words = text.strip().split("\\s+");
        try {
            return Optional.of(new Owner(Long.parseLong(words[0]), Long.parseLong(words[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
