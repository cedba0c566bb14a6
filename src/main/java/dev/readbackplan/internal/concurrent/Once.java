package dev.readbackplan.internal.concurrent;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made once, on first use, in the thread that first asks for it; a thread that asks meanwhile
 * waits for that thread, which is running, so no call can wait on work that has not started. A failure
 * is kept and thrown again, with its cause, to every later caller.
 *
 * @param <T> the value's type
 */
public final class Once<T> {
    private final Object lock = new Object();
    private Supplier<T> make;
    private volatile T value;
    private Throwable failure;

    /**
     * A value made by {@code make} on first use.
     *
     * @param make what makes it; run at most once
     */
    public Once(Supplier<T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    /** {@return the value, made now if no thread made it before} */
    public T get() {
        T made = value;
        if (made != null) {
            return made;
        }
        synchronized (lock) {
            if (value == null) {
                if (failure == null) {
                    try {
                        value = Objects.requireNonNull(make.get(), "made nothing");
                        make = null;
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    }
                }
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
            }
            return value;
        }
    }
}
