package dev.rainmaker.hostaccess;

/** Commands may carry whole files: a message names only their start. */
final class CommandStart {

    private static final int SHOWN_CHARS = 60;

    private CommandStart() {}

    static String of(String command) {
        return command.length() <= SHOWN_CHARS ? command : command.substring(0, SHOWN_CHARS) + "...";
    }
}
