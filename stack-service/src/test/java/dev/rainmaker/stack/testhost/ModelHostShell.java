package dev.rainmaker.stack.testhost;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.localcloud.hosts.model.CommandModel;
import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.StackCommands;

/** A shell straight onto a simulated host's models, without SSH in between; remembers every command it ran. */
public final class ModelHostShell implements HostShell {

    private final HostState state;
    private final List<CommandModel> models;
    public final List<String> commands = new CopyOnWriteArrayList<>();
    /** Everything the host printed, stdout and stderr. */
    public final StringBuffer printed = new StringBuffer();

    public ModelHostShell(HostState state) {
        this(state, List.of(new TestPackagesModel(), new StackCommands()));
    }

    public ModelHostShell(HostState state, List<CommandModel> models) {
        this.state = state;
        this.models = models;
    }

    /** What a simulated host answers: the first model that knows the command, else "command not found". */
    public static CommandResult dispatch(String command, HostState state, List<CommandModel> models) {
        for (CommandModel model : models) {
            Optional<CommandResult> result = model.run(command, state);
            if (result.isPresent()) {
                return result.get();
            }
        }
        return CommandResult.failed(127, "bash: line 1: " + command.split(" ")[0] + ": command not found\n");
    }

    @Override
    public CommandOutput run(String command) {
        commands.add(command);
        CommandResult result = dispatch(command, state, models);
        printed.append(result.stdout()).append(result.stderr());
        return new CommandOutput(result.exitStatus(), result.stdout(), result.stderr());
    }

    @Override
    public String host() {
        return "test host";
    }

    @Override
    public void close() {}
}
