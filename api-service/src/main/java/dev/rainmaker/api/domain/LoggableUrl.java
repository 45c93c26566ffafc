package dev.rainmaker.api.domain;

import java.net.URI;

/** A URL as it may be logged: scheme, host, port and path only (user info and query can hold credentials). */
public final class LoggableUrl {

    private LoggableUrl() {}

    public static String of(URI url) {
        StringBuilder safe = new StringBuilder();
        if (url.getScheme() != null) {
            safe.append(url.getScheme()).append("://");
        }
        if (url.getHost() != null) {
            safe.append(url.getHost());
        }
        if (url.getPort() != -1) {
            safe.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            safe.append(url.getRawPath());
        }
        return safe.toString();
    }
}
