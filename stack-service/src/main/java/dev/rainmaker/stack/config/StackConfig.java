package dev.rainmaker.stack.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.rainmaker.stack.domain.DatabaseEngine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stack-service builds and checks a customer's stack. */
@ConfigMapping(prefix = "rainmaker.stack")
public interface StackConfig {

    /** How many times a check runs after a change, or for a pure verification, before the step fails. */
    @WithDefault("5")
    int verifyAttempts();

    /** The pause between those checks (a restarted daemon takes a moment to listen). */
    @WithDefault("PT1S")
    Duration verifyPause();

    /** The port the customer's app answers on from outside (80; simulated hosts serve it on another). */
    @WithDefault("80")
    int appPort();

    /** The look at a finished host from outside, before it is reported installed. */
    OutsideCheck outside();

    /** Stack options per plan name ({@code rainmaker.stack.plans.<plan>.*}); a plan not listed gets the defaults. */
    Map<String, PlanOptions> plans();

    interface PlanOptions {

        /** AWStats on the site's nginx log. */
        @WithDefault("false")
        boolean awstats();

        /** {@code mariadb} or {@code mysql}. */
        @WithDefault("mariadb")
        DatabaseEngine database();
    }

    interface OutsideCheck {

        /** Ports that must accept connections from anywhere: sshd and the app. */
        List<Integer> openPorts();

        /** Ports the firewall lets through that may or may not have a listener (443, until TLS is served). */
        @WithDefault("443")
        List<Integer> mayBeOpenPorts();

        /** Ports that must not be reachable from outside: databases, caches, monitoring, mail, telnet, FTP. */
        @WithDefault("21,23,25,3306,4949,5432,6379,8080,11211")
        List<Integer> closedPorts();

        /** How long a port may stay silent before it counts as filtered. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /**
         * How long sshd and the app may take to answer, and the app to work, before that counts against the host: a
         * busy host answers late, not never. What must not be reachable is a finding at once.
         */
        @WithDefault("PT1M")
        Duration answerBudget();
    }
}
