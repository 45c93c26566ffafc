package dev.rainmaker.hostaccess;

/** What one command on a host returned: its exit status and what it printed. */
public record CommandOutput(int exitStatus, String stdout, String stderr) {

    private static final int SHOWN_CHARS = 400;

    public boolean succeeded() {
        return exitStatus == 0;
    }

    /** For an on-call engineer: the exit status and what the host printed (stderr first), shortened to one line. */
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
        String oneLine = text.strip().replace('\n', '|');
        return oneLine.length() <= SHOWN_CHARS ? oneLine : oneLine.substring(0, SHOWN_CHARS) + "...";
    }
}
