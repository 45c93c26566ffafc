package dev.rainmaker.hostaccess;

/** The final host key of each droplet: always the same for the same droplet, different for every other one. */
public interface FinalHostKeys {

    FinalHostKey forDroplet(long dropletId);
}
