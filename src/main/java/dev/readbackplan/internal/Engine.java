package dev.readbackplan.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything derived from the schemas, built once per class loader on first use and shared: the
 * compiled schemas, the plan template, the validator and the checks. Immutable and thread-safe.
 */
public final class Engine {
    /*
     * Double-checked rather than a holder class: a failed class initialization is remembered only
     * as "Could not initialize class", so a failure in the background thread would reach the
     * caller without its cause. Here the caller simply builds again and sees the real exception.
     */
    private static volatile Engine instance;
    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    private final SchemaSet schemas;
    private final PlanTemplate template;
    private final PlanValidator planValidator;
    private final DocumentChecks checks;
    private final SnapshotValidator snapshotValidator;

    private Engine() {
        schemas = SchemaSet.get();
        template = new PlanTemplate(schemas.planNode(), schemas.snapshotNode());
        planValidator = new PlanValidator(schemas, template);
        checks = new DocumentChecks(template);
        snapshotValidator = new SnapshotValidator(schemas);
    }

    public static Engine get() {
        Engine built = instance;
        if (built != null) {
            return built;
        }
        synchronized (Engine.class) {
            if (instance == null) {
                instance = new Engine();
            }
            return instance;
        }
    }

    /**
     * Starts building the engine on the common fork-join pool, once: a caller that first reads its
     * input finds the schemas compiled, or waits for less on the lock in {@link #get()}. A failure
     * there is met again, with its cause, by the first caller of {@link #get()}.
     */
    public static void prepareInBackground() {
        if (PREPARING.compareAndSet(false, true)) {
            ForkJoinPool.commonPool().execute(() -> {
                try {
                    get();
                } catch (RuntimeException | LinkageError e) {
                    // Reported by the caller that needs the engine.
                }
            });
        }
    }

    public SchemaSet schemas() {
        return schemas;
    }

    public PlanTemplate template() {
        return template;
    }

    public PlanValidator planValidator() {
        return planValidator;
    }

    public DocumentChecks checks() {
        return checks;
    }

    public SnapshotValidator snapshotValidator() {
        return snapshotValidator;
    }
}
