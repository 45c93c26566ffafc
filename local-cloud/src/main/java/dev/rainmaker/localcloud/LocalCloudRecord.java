package dev.rainmaker.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.rainmaker.localcloud.hosts.SessionLog.RecordedCommand;
import dev.rainmaker.localcloud.hosts.SessionLog.RecordedSession;

/**
 * What a local cloud served, for a benchmark run in another process: DigitalOcean API calls and 429s with its token,
 * calls per endpoint, and every simulated host's SSH sessions. {@link LocalCloudMain} writes it on the way out. One
 * line per fact; commands and standard input are Base64, as they may hold anything.
 */
public record LocalCloudRecord(
        long apiCalls,
        long rateLimited,
        Map<String, Long> callsPerEndpoint,
        Map<Long, List<RecordedSession>> sessionsPerDroplet) {

    public static LocalCloudRecord of(LocalCloud cloud) {
        String token = cloud.info().digitalOceanToken();
        return new LocalCloudRecord(
                cloud.digitalOcean().apiCalls(token),
                cloud.digitalOcean().rateLimited(token),
                cloud.digitalOcean().callsPerEndpoint(),
                cloud.hosts().sessionsPerDroplet());
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("calls " + apiCalls);
        lines.add("rate-limited " + rateLimited);
        callsPerEndpoint.forEach((endpoint, count) -> lines.add("endpoint " + count + " " + endpoint));
        sessionsPerDroplet.forEach((droplet, sessions) -> {
            for (RecordedSession session : sessions) {
                lines.add("session " + droplet + " " + session.user());
                for (RecordedCommand command : session.commands()) {
                    lines.add("exec " + encode(command.command().getBytes(StandardCharsets.UTF_8)) + " "
                            + encode(command.standardInput()));
                }
            }
        });
        return lines;
    }

    public static LocalCloudRecord parse(List<String> lines) {
        long calls = 0;
        long rateLimited = 0;
        Map<String, Long> endpoints = new TreeMap<>();
        Map<Long, List<List<RecordedCommand>>> commands = new LinkedHashMap<>();
        Map<Long, List<String>> users = new LinkedHashMap<>();
        long droplet = -1;
        for (String line : lines) {
            String[] words = line.split(" ", 3);
            switch (words[0]) {
                case "calls" -> calls = Long.parseLong(words[1]);
                case "rate-limited" -> rateLimited = Long.parseLong(words[1]);
                case "endpoint" -> endpoints.put(words[2], Long.parseLong(words[1]));
                case "session" -> {
                    droplet = Long.parseLong(words[1]);
                    users.computeIfAbsent(droplet, d -> new ArrayList<>()).add(words[2]);
                    commands.computeIfAbsent(droplet, d -> new ArrayList<>()).add(new ArrayList<>());
                }
                case "exec" -> {
                    List<List<RecordedCommand>> sessions = commands.get(droplet);
                    if (sessions == null) {
                        throw new IllegalArgumentException("an exec line before any session line: " + line);
                    }
                    String input = words.length > 2 ? words[2] : "";
                    sessions.getLast()
                            .add(new RecordedCommand(
                                    new String(decode(words[1]), StandardCharsets.UTF_8), decode(input)));
                }
                default -> throw new IllegalArgumentException("not a local-cloud record line: " + line);
            }
        }
        Map<Long, List<RecordedSession>> sessions = new LinkedHashMap<>();
        commands.forEach((id, perSession) -> {
            List<RecordedSession> list = new ArrayList<>();
            for (int i = 0; i < perSession.size(); i++) {
                list.add(new RecordedSession(users.get(id).get(i), perSession.get(i)));
            }
            sessions.put(id, list);
        });
        return new LocalCloudRecord(calls, rateLimited, endpoints, sessions);
    }

    public void writeTo(Path file) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, lines());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    public static LocalCloudRecord readFrom(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static String encode(byte[] bytes) {
        return bytes.length == 0 ? "-" : Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        return text.isEmpty() || text.equals("-")
                ? new byte[0]
                : Base64.getDecoder().decode(text);
    }
}
