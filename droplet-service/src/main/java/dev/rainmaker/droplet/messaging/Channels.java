package dev.rainmaker.droplet.messaging;

/** The service's channel names; application.properties maps them to topics. */
public final class Channels {

    public static final String SIGNUPS_IN = "signups-in";
    public static final String DROPLET_REQUESTS_OUT = "droplet-requests-out";
    public static final String DROPLET_REQUESTS_IN = "droplet-requests-in";
    public static final String DROPLETS_ACTIVE_OUT = "droplets-active-out";
    public static final String DROPLETS_TORN_DOWN_OUT = "droplets-torn-down-out";
    public static final String PROVISIONING_FAILED_IN = "provisioning-failed-in";

    private Channels() {}
}
