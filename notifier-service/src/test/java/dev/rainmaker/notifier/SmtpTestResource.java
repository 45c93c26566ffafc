package dev.rainmaker.notifier;

import java.util.Map;

import dev.rainmaker.localcloud.smtp.SmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The local cloud's SMTP server on loopback: the notifier sends to it and the test reads what arrived. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    static SmtpServer smtp;

    @Override
    public Map<String, String> start() {
        smtp = SmtpServer.onFreePort().start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(smtp.port()));
    }

    @Override
    public void stop() {
        smtp.close();
    }
}
