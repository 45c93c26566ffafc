package dev.rainmaker.api.domain;

import java.net.URI;

/** An app's webhook: where its events go and the key they are signed with. */
public record WebhookTarget(String app, URI url, String secret) {

    /** The app and its URL without user info, query or fragment: never the secret. */
    @Override
    public String toString() {
        return app + " " + LoggableUrl.of(url);
    }
}
