package dev.rainmaker.hostaccess;

import java.time.Duration;

/** A duration as an on-call engineer reads it in a log line: "40 s", "12 min". */
public final class Minutes {

    private Minutes() {}

    public static String of(Duration duration) {
        return duration.toMinutes() < 1 ? duration.toSeconds() + " s" : duration.toMinutes() + " min";
    }
}
