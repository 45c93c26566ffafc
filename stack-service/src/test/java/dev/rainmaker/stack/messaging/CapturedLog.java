package dev.rainmaker.stack.messaging;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;

/** Everything the service logs while a test runs, messages and stack traces, to search for what must not be there. */
final class CapturedLog extends Handler {

    private final StringBuffer text = new StringBuffer();
    private final PatternFormatter formatter = new PatternFormatter("%s%e%n");

    static CapturedLog install() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    String text() {
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        text.append(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
