package dev.rainmaker.notifier.domain;

import java.util.List;

/** What the "your server is ready" email says, and to whom. */
public record ReadyEmail(
        String to,
        String greetingName,
        String appUrl,
        String ipv4,
        String hostKeyFingerprint,
        List<String> adminUsers) {

    public ReadyEmail {
        adminUsers = List.copyOf(adminUsers);
    }
}
