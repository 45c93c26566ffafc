package dev.rainmaker.status.console;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's HTTP API as a plain client sees it, to set up and check what the browser cannot tell. */
final class ConsoleApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI console;
    private final Optional<String> authorization;
    private final HttpClient http = HttpClient.newHttpClient();

    ConsoleApi(URL console, String user, String password) {
        this(
                console,
                Optional.of("Basic "
                        + Base64.getEncoder()
                                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private ConsoleApi(URL console, Optional<String> authorization) {
        this.console = URI.create(console.toString());
        this.authorization = authorization;
    }

    static ConsoleApi anonymous(URL console) {
        return new ConsoleApi(console, Optional.empty());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as the console's page sends it, with its header. */
    HttpResponse<String> postFromConsole(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("X-Rainmaker-Console", "1")
                .POST(HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(value -> request.header("Authorization", value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where the customer's (only) dead letter is replayed. */
    URI replayUriOf(String customerId) throws IOException, InterruptedException {
        JsonNode letter = deadLetterOf(customerId);
        return console.resolve("api/dead-letters/"
                + URLEncoder.encode(letter.get("topic").asText(), StandardCharsets.UTF_8) + "/"
                + letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/replay");
    }

    boolean replayed(String customerId) throws IOException, InterruptedException {
        return deadLetterOf(customerId).get("replayed").asBoolean();
    }

    private JsonNode deadLetterOf(String customerId) throws IOException, InterruptedException {
        HttpResponse<String> response =
                get("api/dead-letters?customer=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET dead letters of " + customerId + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode letters = JSON.readTree(response.body());
        if (letters.size() != 1) {
            throw new IllegalStateException(customerId + " has " + letters.size() + " dead letters: " + letters);
        }
        return letters.get(0);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(console.resolve(path));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request;
    }
}
