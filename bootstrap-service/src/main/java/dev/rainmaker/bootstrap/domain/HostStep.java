package dev.rainmaker.bootstrap.domain;

import java.util.function.Predicate;

import dev.rainmaker.hostaccess.CommandOutput;

/**
 * One hardening step as it runs on the host: the command that checks whether the host is already as wanted (and what
 * its output must look like), and the command that makes it so. The step is done when its check is satisfied.
 */
public record HostStep(String name, String check, Predicate<CommandOutput> satisfiedBy, String apply) {}
