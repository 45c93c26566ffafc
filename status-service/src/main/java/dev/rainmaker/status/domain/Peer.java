package dev.rainmaker.status.domain;

/** An instance of status-service, as Kafka Streams knows it ({@code application.server}); {@code self} is this one. */
public record Peer(String host, int port, boolean self) {}
