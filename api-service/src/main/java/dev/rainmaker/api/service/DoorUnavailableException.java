package dev.rainmaker.api.service;

/** Kafka or status-service cannot answer in time: the client should retry the same request later. */
public class DoorUnavailableException extends RuntimeException {

    public DoorUnavailableException(String message) {
        super(message);
    }
}
