package dev.rainmaker.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free TCP ports on this machine, for stand-ins and services started next to each other. */
public final class LocalPorts {

    private LocalPorts() {}

    /** A port no one listens on right now (another process may still take it before it is used). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on this machine", e);
        }
    }
}
