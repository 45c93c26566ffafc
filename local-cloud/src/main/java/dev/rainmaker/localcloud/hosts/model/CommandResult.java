package dev.rainmaker.localcloud.hosts.model;

/** What a command run on a simulated host returns. */
public record CommandResult(int exitStatus, String stdout, String stderr) {

    public static CommandResult ok() {
        return new CommandResult(0, "", "");
    }

    public static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "");
    }

    public static CommandResult failed(int exitStatus, String stderr) {
        return new CommandResult(exitStatus, "", stderr);
    }
}
