package dev.readbackplan.internal;

/**
 * Everything derived from the schemas, built once per class loader on first use and shared: the
 * compiled schemas, the plan template, the validator and the checks. Immutable and thread-safe.
 */
public final class Engine {
    private static final class Holder {
        static final Engine INSTANCE = new Engine();
    }

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
        return Holder.INSTANCE;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PREPARING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts building the engine on the common fork-join pool, once: a caller that first reads its
     * input finds the schemas compiled, or waits for less (class initialization is thread-safe). A
     * failure there is seen again, and reported, by the first caller of {@link #get()}.
     */
    public static void prepareInBackground() {
        if (PREPARING.compareAndSet(false, true)) {
            java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
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
