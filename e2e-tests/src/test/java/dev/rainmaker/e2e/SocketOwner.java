package dev.rainmaker.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of some processes holds the TCP connection whose local end is port {@code <port>}: the socket's inode from
 * {@code /proc/net/tcp6} (a JVM's sockets are IPv6 ones, 127.0.0.1 as ::ffff:127.0.0.1) or {@code /proc/net/tcp}, then
 * the process whose {@code /proc/<pid>/fd} links to it (Linux; as root or the same user).
 */
final class SocketOwner {

    private SocketOwner() {}

    static Optional<Long> of(int localPort, Collection<Long> candidates) {
        Optional<String> inode = inodeOf(localPort);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String link = "socket:[" + inode.get() + "]";
        for (long pid : candidates) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds) {
                    try {
                        if (Files.readSymbolicLink(fd).toString().equals(link)) {
                            return Optional.of(pid);
                        }
                    } catch (IOException e) {
                        // the descriptor closed meanwhile
                    }
                }
            } catch (IOException e) {
                // the process ended meanwhile
            }
        }
        return Optional.empty();
    }

    /** {@code /proc/net/tcp6}, {@code tcp}: "sl local_address rem_address st ... inode", addresses as hex IP:port. */
    private static Optional<String> inodeOf(int localPort) {
        String local = ":" + String.format(Locale.ROOT, "%04X", localPort);
        for (String table : List.of("/proc/net/tcp6", "/proc/net/tcp")) {
            try {
                Optional<String> inode = Files.readAllLines(Path.of(table)).stream()
                        .skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields.length > 9 && fields[1].endsWith(local))
                        .map(fields -> fields[9])
                        .filter(found -> !found.equals("0"))
                        .findFirst();
                if (inode.isPresent()) {
                    return inode;
                }
            } catch (IOException e) {
                // no such table (IPv6 off): the other one
            }
        }
        return Optional.empty();
    }
}
