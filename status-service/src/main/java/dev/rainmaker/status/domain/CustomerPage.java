package dev.rainmaker.status.domain;

import java.util.List;

/** One page of customers (without timelines), newest {@code since} first, of {@code total} that matched. */
public record CustomerPage(List<CustomerView> items, int page, int size, long total) {}
