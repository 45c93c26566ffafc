package dev.rainmaker.droplet.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import dev.rainmaker.localcloud.hosts.HostProvider;
import dev.rainmaker.localcloud.hosts.HostSpec;

/** Hosts that are only an address, 127.10.0.x: enough for droplet-service, which never connects to them. */
public final class LoopbackTestHosts implements HostProvider {

    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public String boot(HostSpec spec) {
        return "127.10.0." + next.getAndIncrement();
    }

    @Override
    public void destroy(long dropletId) {}

    @Override
    public int sshPort() {
        return 2222;
    }

    @Override
    public void close() {}
}
