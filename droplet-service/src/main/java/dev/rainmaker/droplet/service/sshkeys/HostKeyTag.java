package dev.rainmaker.droplet.service.sshkeys;

import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.PermanentFailure;

/** The pinned host key fingerprint, recovered from a droplet's {@code rainmaker-hostkey-<hex>} tag. */
public final class HostKeyTag {

    private HostKeyTag() {}

    public static String fingerprint(RemoteDroplet droplet) {
        String hex = droplet.tags().stream()
                .filter(tag -> tag.startsWith(DropletNames.HOSTKEY_TAG_PREFIX))
                .map(tag -> tag.substring(DropletNames.HOSTKEY_TAG_PREFIX.length()))
                .findFirst()
                .orElseThrow(() -> new PermanentFailure("droplet " + droplet.id() + " (" + droplet.name()
                        + ") has no " + DropletNames.HOSTKEY_TAG_PREFIX
                        + "<sha256> tag, so its host key cannot be pinned; it was not created by Rainmaker"));
        try {
            return HostKeys.fingerprintFromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("droplet " + droplet.id() + " has a malformed host key tag: " + e.getMessage());
        }
    }
}
