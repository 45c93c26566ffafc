package dev.rainmaker.localcloud.hosts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Whether an SSH server answers at an address: it accepts a connection and greets with {@code SSH-}. */
public final class SshBanner {

    private SshBanner() {}

    public static boolean answers(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            socket.setSoTimeout(2000);
            byte[] banner = socket.getInputStream().readNBytes(4);
            return new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }
}
