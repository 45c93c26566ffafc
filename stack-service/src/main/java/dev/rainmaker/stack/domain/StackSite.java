package dev.rainmaker.stack.domain;

/** The customer's site on its host: who it is for, its database, and the address it is reached at. */
public record StackSite(String customerId, CustomerDatabase database, String publicIpv4) {}
