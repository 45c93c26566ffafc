package dev.rainmaker.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.rainmaker.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ./rainmaker}: Rainmaker on this machine, on its embedded local cloud. Every command and subcommand answers
 * {@code --help} and {@code --version} (inherited from here) and lists its exit codes.
 */
@Command(
        name = "rainmaker",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = RainmakerCli.Version.class,
        description = "Rainmaker on this machine, on its embedded local cloud.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (demo, bench: every customer reached ready)",
            "1:the run ended without success (demo, bench: not every customer ready), saying why",
            RainmakerCli.USAGE_ERROR,
            "130:up stopped with Ctrl-C"
        })
public final class RainmakerCli implements Callable<Integer> {

    // The exit codes, as picocli's CommandLine.ExitCode names them: OK, SOFTWARE, USAGE.
    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    public static final String USAGE_ERROR = "2:usage error: an unknown option or a bad value, named in the message";

    @Spec
    private CommandSpec spec;

    private RainmakerCli() {}

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("rainmaker.home", ".")).toAbsolutePath();
        System.exit(commandLine(repository, System.out).execute(args));
    }

    /** Every command, printing to {@code out}; errors and usage after a usage error go to the standard error. */
    public static CommandLine commandLine(Path repository, PrintStream out) {
        return new CommandLine(new RainmakerCli())
                .addSubcommand(new DemoCommand(repository, out))
                .addSubcommand(new UpCommand(repository, out))
                .addSubcommand(new BenchCommand(repository, out))
                .addSubcommand(new DeadLetterCommand(repository.resolve(".rainmaker"), out))
                .addSubcommand(new ImagesCommand(repository, out))
                .setExecutionExceptionHandler(new FailureMessage())
                .setOut(new PrintWriter(out, true));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required command: demo, up, bench, dlq or images");
    }

    /**
     * A run that could not go on (the local cloud or a service did not start, real hosts forced where they cannot
     * run) says why in one line and exits 1; anything else keeps its stack trace.
     */
    private static final class FailureMessage implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed)
                throws Exception {
            if (!(failure instanceof IllegalStateException)) {
                throw failure;
            }
            command.getErr().println(failure.getMessage());
            return FAILURE;
        }
    }

    /** The version the jar was built as ({@code Implementation-Version} in its manifest). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RainmakerCli.class.getPackage().getImplementationVersion();
            return new String[] {"rainmaker " + (version != null ? version : "(not run from its jar: version unknown)")
            };
        }
    }
}
