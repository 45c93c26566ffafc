package dev.rainmaker.localcloud.hosts.model;

/** Owner, group and permission bits (octal, as {@code stat -c %a} prints them, e.g. {@code 600}) of a file. */
public record FileAttributes(String owner, String group, String mode) {

    public FileAttributes withOwner(String newOwner, String newGroup) {
        return new FileAttributes(newOwner, newGroup, mode);
    }

    public FileAttributes withMode(String newMode) {
        return new FileAttributes(owner, group, newMode);
    }
}
