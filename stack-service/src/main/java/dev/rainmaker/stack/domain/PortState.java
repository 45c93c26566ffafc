package dev.rainmaker.stack.domain;

/** A TCP port as someone on the internet finds it. */
public enum PortState {
    /** Something accepted the connection. */
    OPEN,
    /** The host answered that nothing listens (a firewall let the attempt through). */
    REFUSED,
    /** No answer at all: a firewall dropped the attempt. */
    FILTERED;

    public boolean reachable() {
        return this == OPEN;
    }
}
