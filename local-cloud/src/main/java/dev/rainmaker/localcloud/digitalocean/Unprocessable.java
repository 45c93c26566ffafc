package dev.rainmaker.localcloud.digitalocean;

/** Thrown for a request DigitalOcean would refuse with 422 Unprocessable Entity; the message is DigitalOcean's. */
final class Unprocessable extends RuntimeException {

    Unprocessable(String message) {
        super(message);
    }
}
