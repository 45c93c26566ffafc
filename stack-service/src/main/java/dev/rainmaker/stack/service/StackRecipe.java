package dev.rainmaker.stack.service;

import java.util.List;
import java.util.Map;

import dev.rainmaker.stack.domain.StackSite;

/** The stack for one family of images (apt, dnf): its steps in order and how to read what got installed. */
public interface StackRecipe {

    /** What hosts it is for, e.g. "Debian 12 (apt)". */
    String family();

    List<HostStep> steps(StackSite site);

    /** Component name in {@code StackInstalled} to the package whose version it reports. */
    Map<String, String> componentPackages();

    /** The command that prints a package's installed version and nothing else. */
    String versionCommand(String pkg);
}
