package dev.rainmaker.stack.domain;

/** What one command on a host returned. */
public record CommandOutput(int exitStatus, String stdout, String stderr) {

    private static final int SHOWN_CHARS = 400;

    public boolean succeeded() {
        return exitStatus == 0;
    }

    /** For an on-call engineer: the exit status and what the host printed, shortened. */
    public String describe() {
        StringBuilder text = new StringBuilder("exit status ").append(exitStatus);
        if (!stderr.isBlank()) {
            text.append(", stderr: ").append(shortened(stderr));
        }
        if (!stdout.isBlank()) {
            text.append(", stdout: ").append(shortened(stdout));
        }
        return text.toString();
    }

    private static String shortened(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= SHOWN_CHARS ? trimmed : trimmed.substring(0, SHOWN_CHARS) + "...";
    }
}
