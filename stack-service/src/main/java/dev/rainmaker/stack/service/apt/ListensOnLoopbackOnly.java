package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/** A daemon listens on 127.0.0.1 (and at most ::1) and on no other address. A verification: it changes nothing. */
public record ListensOnLoopbackOnly(String daemon, int port) implements HostStep {

    @Override
    public String name() {
        return daemon + " listens on 127.0.0.1:" + port + " only";
    }

    @Override
    public String check() {
        return "ss -Hltn " + quote("sport = :" + port);
    }

    /** Each line of {@code ss -Hltn}: state, receive queue, send queue, local address:port, peer address:port. */
    @Override
    public boolean satisfiedBy(CommandOutput output) {
        if (!output.succeeded()) {
            return false;
        }
        List<String> local = output.stdout()
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length >= 4)
                .map(columns -> columns[3])
                .toList();
        return local.contains("127.0.0.1:" + port)
                && local.stream().allMatch(a -> a.equals("127.0.0.1:" + port) || a.equals("[::1]:" + port));
    }

    @Override
    public List<String> apply() {
        return List.of();
    }
}
