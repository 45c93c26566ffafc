package dev.rainmaker.hostaccess;

/**
 * The host answered as the pinned host and refused root login with the provisioning key: it will not change its mind
 * by being asked again. Never retried.
 */
public class LoginRefused extends RuntimeException {

    public LoginRefused(String host, String reason) {
        super(host + " refused root login with the provisioning key: " + reason);
    }
}
