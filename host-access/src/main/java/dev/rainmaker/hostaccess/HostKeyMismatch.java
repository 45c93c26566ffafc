package dev.rainmaker.hostaccess;

/**
 * The host presented another host key than the pinned one(s): it may be an impostor, so nothing is sent to it. Never
 * retried.
 */
public class HostKeyMismatch extends RuntimeException {

    private final String presentedFingerprint;

    /** @param message names the host, what was expected and what it presented (fingerprints only) */
    public HostKeyMismatch(String message, String presentedFingerprint) {
        super(message);
        this.presentedFingerprint = presentedFingerprint;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
