package dev.rainmaker.localcloud.hosts.real;

/** Whether this machine can boot real hosts, and if not, why not, in words a person can act on. */
public record Availability(boolean available, String reason) {

    static Availability yes(String reason) {
        return new Availability(true, reason);
    }

    static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
