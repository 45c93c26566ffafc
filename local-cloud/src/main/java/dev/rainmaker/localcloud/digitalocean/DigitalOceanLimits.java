package dev.rainmaker.localcloud.digitalocean;

/**
 * The stand-in's rate limits per bearer token, each a sliding window in which every request counts for its own minute
 * and its own hour, as at DigitalOcean.
 *
 * @param requestsPerMinute the burst limit (DigitalOcean: 250)
 * @param requestsPerHour the hourly limit (DigitalOcean: 5,000), reported as {@code ratelimit-limit}
 */
public record DigitalOceanLimits(int requestsPerMinute, int requestsPerHour) {

    private static final int UNLIMITED_PER_MINUTE = 1_000_000_000;
    private static final int UNLIMITED_PER_HOUR = 2_000_000_000;

    public DigitalOceanLimits {
        if (requestsPerMinute < 1 || requestsPerHour < 1) {
            throw new IllegalArgumentException(
                    "Rate limits must be positive: " + requestsPerMinute + "/min, " + requestsPerHour + "/h");
        }
    }

    /** DigitalOcean's own: 250 requests per minute and 5,000 per hour per token. */
    public static DigitalOceanLimits real() {
        return new DigitalOceanLimits(250, 5_000);
    }

    /** No 429 from the limits (fault knobs still apply); the headers report a limit no client reaches. */
    public static DigitalOceanLimits off() {
        return new DigitalOceanLimits(UNLIMITED_PER_MINUTE, UNLIMITED_PER_HOUR);
    }
}
