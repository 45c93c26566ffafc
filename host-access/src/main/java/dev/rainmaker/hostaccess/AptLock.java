package dev.rainmaker.hostaccess;

/**
 * How the stages' apt-get commands meet dpkg's lock: they wait for it rather than fail at once, so an
 * unattended-upgrades run (or an earlier session's apt-get still finishing) delays a step instead of failing it. Five
 * minutes, well within a command's timeout; a longer holder is what a resuming stage waits for before it resumes.
 */
public final class AptLock {

    /** apt's option, as one word: {@code apt-get install -y ... -oDPkg::Lock::Timeout=300 PACKAGE...}. */
    public static final String WAIT = "-oDPkg::Lock::Timeout=300";

    private AptLock() {}
}
