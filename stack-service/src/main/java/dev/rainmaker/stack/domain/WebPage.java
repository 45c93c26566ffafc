package dev.rainmaker.stack.domain;

/** What a URL answered from outside: the HTTP status and body, or (status -1) why nothing answered. */
public record WebPage(int status, String body) {

    public static WebPage unreachable(String reason) {
        return new WebPage(-1, reason);
    }

    public boolean answered() {
        return status >= 0;
    }
}
