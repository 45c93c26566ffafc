package dev.rainmaker.bootstrap.domain;

/**
 * What the recipes need to know about a host before they run: the container technology it runs in as
 * {@code systemd-detect-virt --container} names it ({@code systemd-nspawn}, {@code lxc}, ...), or {@code none}.
 */
public record HostFacts(String container) {

    public static final String NO_CONTAINER = "none";

    public boolean inContainer() {
        return !container.equals(NO_CONTAINER);
    }
}
