package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.testcontainers.containers.output.OutputFrame;

/** A container's output (stdout and stderr as they come) written to a file, from its start: to read after a failure. */
final class LogFile implements Consumer<OutputFrame> {

    private final OutputStream out;

    /** Writes {@code file} anew. */
    LogFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public synchronized void accept(OutputFrame frame) {
        try {
            if (frame.getType() == OutputFrame.OutputType.END) {
                out.close();
            } else {
                out.write(frame.getBytes());
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
