package dev.rainmaker.localcloud.hosts.real;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rainmaker.localcloud.hosts.HostSpec;

/**
 * What a host's root file system gets before it boots from the base image: cloud-init's NoCloud seed with the
 * droplet's {@code user_data} as DigitalOcean would hand it over (host keys, authorised keys, hostname), and the way
 * to packages through the {@link AptProxy}.
 */
public record CloudInitSeed(HostSpec spec) {

    /** File path relative to the root file system, to its content. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "var/lib/cloud/seed/nocloud/meta-data",
                "instance-id: droplet-" + spec.dropletId() + "\nlocal-hostname: " + spec.name() + "\n");
        files.put("var/lib/cloud/seed/nocloud/user-data", spec.userData() == null ? "" : spec.userData());
        files.put("etc/apt/apt.conf.d/01rainmaker-proxy", AptProxy.aptConfiguration());
        return files;
    }
}
