package dev.rainmaker.bootstrap.domain;

/** What a command printed on the host and how it exited. */
public record CommandOutput(int exitStatus, String stdout, String stderr) {

    public boolean succeeded() {
        return exitStatus == 0;
    }

    /** For failure messages: exit status and what the host printed, shortened. */
    public String describe() {
        return "exit status " + exitStatus + ", stdout: " + shorten(stdout) + ", stderr: " + shorten(stderr);
    }

    private static String shorten(String text) {
        String oneLine = text.strip().replace('\n', '|');
        return oneLine.isEmpty() ? "(empty)" : oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
