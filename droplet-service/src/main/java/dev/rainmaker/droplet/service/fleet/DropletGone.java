package dev.rainmaker.droplet.service.fleet;

import dev.rainmaker.droplet.service.PermanentFailure;

/** The droplet waited for vanished from DigitalOcean's listings while booting: there is nothing left to destroy. */
public final class DropletGone extends PermanentFailure {

    DropletGone(String message) {
        super(message);
    }
}
