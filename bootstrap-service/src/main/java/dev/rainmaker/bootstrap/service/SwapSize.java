package dev.rainmaker.bootstrap.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The swap file a droplet gets: as large as its memory, at most 2 GiB. Small droplets need swap most (a 1 GiB
 * droplet running MariaDB and PHP-FPM can run out of memory during a package upgrade); above 2 GiB more swap only
 * slows a host that should be resized instead. The memory is read from DigitalOcean's size slug, whose first
 * {@code <N>mb} or {@code <N>gb} part is the memory ({@code s-1vcpu-1gb}, {@code s-1vcpu-512mb-10gb},
 * {@code g-2vcpu-8gb}).
 */
public record SwapSize(long mebibytes) {

    static final long CAP_MIB = 2048;
    private static final Pattern MEMORY = Pattern.compile("(?:^|-)(\\d{1,7})(mb|gb)(?=-|$)");

    public static SwapSize forDropletSize(String sizeSlug) {
        Matcher memory = MEMORY.matcher(sizeSlug == null ? "" : sizeSlug);
        if (!memory.find()) {
            throw new HardeningFailure("cannot size the swap file: the droplet size '" + sizeSlug
                    + "' does not say its memory (expected a part like 1gb or 512mb)");
        }
        long ram = Long.parseLong(memory.group(1)) * (memory.group(2).equals("gb") ? 1024 : 1);
        return new SwapSize(Math.min(ram, CAP_MIB));
    }

    public long bytes() {
        return mebibytes * 1024 * 1024;
    }
}
