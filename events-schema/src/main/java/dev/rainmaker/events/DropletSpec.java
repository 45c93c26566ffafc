package dev.rainmaker.events;

/** What to create at DigitalOcean for a customer, chosen from the plan and checked against the live catalogue. */
public record DropletSpec(String name, String size, String image, String region) {}
