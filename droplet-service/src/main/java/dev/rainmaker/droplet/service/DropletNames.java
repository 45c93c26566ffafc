package dev.rainmaker.droplet.service;

/** The names and tags that tie a droplet to its customer, so it can be found again instead of created twice. */
public final class DropletNames {

    public static final String RAINMAKER_TAG = "rainmaker";
    public static final String HOSTKEY_TAG_PREFIX = "rainmaker-hostkey-";
    /** Carried from create until the droplet was reported active: what the watcher lists. */
    public static final String BOOTING_TAG = "rainmaker-booting";

    private DropletNames() {}

    public static String dropletName(String customerId) {
        return "rm-" + customerId;
    }

    public static String customerTag(String customerId) {
        return "rainmaker-customer-" + customerId;
    }

    public static String hostKeyTag(String sha256Hex) {
        return HOSTKEY_TAG_PREFIX + sha256Hex;
    }
}
