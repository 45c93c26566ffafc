package dev.rainmaker.localcloud.hosts.model;

/** What a simulated host's web server answers to a request: status, content type and body. */
public record WebAnswer(int status, String contentType, String body) {

    static WebAnswer error(int status) {
        return new WebAnswer(status, "text/html", "<html><body><h1>" + status + "</h1></body></html>\n");
    }
}
