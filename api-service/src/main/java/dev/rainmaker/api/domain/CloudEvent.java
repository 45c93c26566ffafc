package dev.rainmaker.api.domain;

import java.time.Instant;

/** A CloudEvents 1.0 event in structured mode, its attributes in the order they are written. */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        Object data) {}
