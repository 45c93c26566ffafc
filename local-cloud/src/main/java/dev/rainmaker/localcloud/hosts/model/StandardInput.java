package dev.rainmaker.localcloud.hosts.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A command's standard input as the SSH client sends it. Read only by a command that reads it (as {@code cat} does),
 * to its end, once: a shell's {@code &&} list shares one standard input, so what one command read is gone for the next.
 */
public final class StandardInput {

    private InputStream stream;

    private StandardInput(InputStream stream) {
        this.stream = stream;
    }

    /** Standard input from a stream (the SSH channel's), read lazily. */
    public static StandardInput from(InputStream stream) {
        return new StandardInput(stream);
    }

    /** Nothing to read, as from {@code /dev/null}. */
    public static StandardInput empty() {
        return new StandardInput(InputStream.nullInputStream());
    }

    public static StandardInput of(String text) {
        return new StandardInput(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Everything up to the end of the input; empty once read. */
    public synchronized String readAll() {
        if (stream == null) {
            return "";
        }
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the command's standard input", e);
        } finally {
            stream = null;
        }
    }
}
