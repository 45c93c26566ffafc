package dev.rainmaker.localcloud.digitalocean;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;

/** Hosts that exist only as an address 127.10.0.x; remembers what it booted and destroyed. */
final class LoopbackHosts implements HostProvider {

    final List<HostSpec> booted = new CopyOnWriteArrayList<>();
    final List<Long> destroyed = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextHost = new AtomicInteger(1);

    @Override
    public String boot(HostSpec spec) {
        booted.add(spec);
        return "127.10.0." + nextHost.getAndIncrement();
    }

    @Override
    public void destroy(long dropletId) {
        destroyed.add(dropletId);
    }

    @Override
    public int sshPort() {
        return 2222;
    }

    @Override
    public void close() {}
}
