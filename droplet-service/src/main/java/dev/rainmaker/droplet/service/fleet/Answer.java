package dev.rainmaker.droplet.service.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What a waiting thread blocks on until the watcher's loop gives it, or fails it; the first of these counts. */
final class Answer<T> {

    private final CompletableFuture<T> future = new CompletableFuture<>();

    void give(T value) {
        future.complete(value);
    }

    void fail(RuntimeException failure) {
        future.completeExceptionally(failure);
    }

    /** Blocks until given, or throws the failure. */
    T await() {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
