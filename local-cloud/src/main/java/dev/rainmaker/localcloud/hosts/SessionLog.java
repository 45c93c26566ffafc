package dev.rainmaker.localcloud.hosts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SSH sessions a simulated host served, in order: who logged in, and each command with the standard input it read.
 * What the benchmark's floor replays to do the same SSH work as the services.
 */
public final class SessionLog {

    /** One exec request: the command as sent and the bytes of standard input the host read for it. */
    public record RecordedCommand(String command, byte[] standardInput) {}

    /** One session: the user who logged in and the commands it ran, in order. */
    public record RecordedSession(String user, List<RecordedCommand> commands) {

        public RecordedSession {
            commands = List.copyOf(commands);
        }
    }

    private record OpenSession(String user, List<RecordedCommand> commands) {}

    private final List<OpenSession> sessions = new CopyOnWriteArrayList<>();

    /** A session was opened by {@code user}; returns its number, for {@link #executed}. */
    int opened(String user) {
        synchronized (sessions) {
            sessions.add(new OpenSession(user, new CopyOnWriteArrayList<>()));
            return sessions.size() - 1;
        }
    }

    void executed(int session, String command, byte[] standardInput) {
        sessions.get(session).commands().add(new RecordedCommand(command, standardInput));
    }

    public List<RecordedSession> sessions() {
        List<RecordedSession> copy = new ArrayList<>();
        sessions.forEach(s -> copy.add(new RecordedSession(s.user(), s.commands())));
        return copy;
    }
}
