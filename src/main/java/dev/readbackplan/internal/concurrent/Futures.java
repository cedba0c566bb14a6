package dev.readbackplan.internal.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work done on an executor, and meeting its failure as it was thrown there. */
public final class Futures {
    private Futures() {}

    /** The result, or the task's own unchecked exception or error (not wrapped in a CompletionException). */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
