package dev.rainmaker.bootstrap.service;

import java.util.List;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.SignupReceived;

/** What hardening means on one family of operating systems, for one sign-up's droplet, in the order it is done. */
public interface HardeningRecipe {

    List<HostStep> steps(SignupReceived signup, Droplet droplet, HostFacts facts);

    /** The systemd unit of sshd in this family ({@code ssh} on Debian and Ubuntu, {@code sshd} on RHEL's kin). */
    String sshUnit();
}
