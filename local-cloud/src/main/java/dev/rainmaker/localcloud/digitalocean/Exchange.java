package dev.rainmaker.localcloud.digitalocean;

import java.util.Map;

/**
 * One request the stand-in served and its answer, recorded when {@link DigitalOceanStandIn#recordExchanges(boolean)}
 * is on. Header names are lower case; the bearer token is replaced by {@value #REDACTED_TOKEN}.
 *
 * @param uri the path and query as received, e.g. {@code /v2/droplets?tag_name=x}
 * @param requestBody {@code null} when the request had none
 * @param status {@code 0} when the connection was closed without an answer (a lost create response)
 * @param responseBody {@code null} for an answer without a body (204) or no answer
 */
public record Exchange(
        String method,
        String uri,
        Map<String, String> requestHeaders,
        String requestBody,
        int status,
        Map<String, String> responseHeaders,
        String responseBody) {

    /** What the {@code Authorization} header's token is replaced with. */
    public static final String REDACTED_TOKEN = "<token>";

    public Exchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
    }

    /** False when the stand-in closed the connection instead of answering. */
    public boolean answered() {
        return status != 0;
    }
}
