package dev.rainmaker.cli;

import java.nio.file.Path;

import picocli.CommandLine.ParseResult;

/** What {@code ./rainmaker} reads from its arguments, without running anything. */
public final class Parsed {

    private Parsed() {}

    /**
     * The command the arguments name, with its options filled in as {@code ./rainmaker} fills them.
     *
     * @throws picocli.CommandLine.ParameterException for a usage error, with the message the user would see
     */
    @SuppressWarnings("unchecked")
    public static <T> T command(String... args) {
        ParseResult parsed =
                RainmakerCli.commandLine(Path.of("does-not-exist"), System.out).parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return (T) parsed.commandSpec().userObject();
    }
}
