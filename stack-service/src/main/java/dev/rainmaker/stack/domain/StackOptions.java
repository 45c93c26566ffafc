package dev.rainmaker.stack.domain;

/** What a plan adds to or changes in the stack: AWStats on the site's log, and which SQL server. */
public record StackOptions(String plan, boolean awstats, DatabaseEngine database) {

    public static StackOptions defaults(String plan) {
        return new StackOptions(plan, false, DatabaseEngine.MARIADB);
    }
}
