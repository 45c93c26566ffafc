package dev.rainmaker.api.client;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.domain.ReceiverAnswer;
import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.api.domain.WebhookTarget;
import dev.rainmaker.api.service.WebhookSigner;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * POSTs one webhook event to an app's receiver, signed afresh for this attempt (a receiver rejects old signatures, and
 * a retry may come hours after the first try). Any 2xx is delivered; a redirect is not followed (it would send the
 * signed body somewhere the app did not configure) and counts as a failure like any other status.
 */
@ApplicationScoped
public class WebhookClient {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    static final String USER_AGENT = "Rainmaker-Webhooks/1";
    public static final String EVENT_ID_HEADER = "Rainmaker-Event-Id";

    private final WebClient web;
    private final Duration timeout;
    private final Clock clock;

    @Inject
    WebhookClient(Vertx vertx, ApiConfig config) {
        this(vertx, config.webhooks().requestTimeout(), Clock.systemUTC());
    }

    WebhookClient(Vertx vertx, Duration timeout, Clock clock) {
        this.web = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setUserAgent(USER_AGENT)
                        .setConnectTimeout((int) timeout.toMillis()));
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Blocks the calling (worker) thread for at most the request timeout. */
    public ReceiverAnswer send(WebhookTarget target, WebhookEvent event) {
        long now = clock.instant().getEpochSecond();
        try {
            int status = web.postAbs(target.url().toString())
                    .putHeader("Content-Type", CONTENT_TYPE)
                    .putHeader(EVENT_ID_HEADER, event.id())
                    .putHeader(WebhookSigner.HEADER, WebhookSigner.signature(target.secret(), now, event.body()))
                    .timeout(timeout.toMillis())
                    .sendBuffer(Buffer.buffer(event.body()))
                    .await()
                    .atMost(timeout.plusSeconds(1))
                    .statusCode();
            return ReceiverAnswer.status(status);
        } catch (RuntimeException e) {
            return ReceiverAnswer.noResponse(describe(e));
        }
    }

    /**
     * Why no answer came, by the kind of failure only: the exceptions' own messages can name the URL with its query,
     * which may hold a credential, so none of them is passed on.
     */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.netty.channel.ConnectTimeoutException) {
                return "connection timed out";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException) {
                return "no answer in time";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof SSLException) {
                return "TLS failed";
            }
        }
        return "no answer: " + failure.getClass().getSimpleName();
    }
}
