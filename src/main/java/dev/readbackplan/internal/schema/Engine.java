package dev.readbackplan.internal.schema;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything derived from the schemas: the compiled schemas, the plan template, the validators and the
 * checks. Immutable and thread-safe. Each planner builds and owns one (no hidden shared instance), so a
 * failed build is that planner's, with its cause, and an embedding application controls when the
 * schemas are compiled and on which threads candidates are checked.
 */
public final class Engine {
    private final SchemaSet schemas;
    private final PlanTemplate template;
    private final PlanValidator planValidator;
    private final DocumentChecks checks;
    private final SnapshotValidator snapshotValidator;
    private final Executor executor;

    /** Compiles the schemas; checks of documents with many candidates run on {@code executor}. */
    public Engine(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        schemas = new SchemaSet();
        template = new PlanTemplate(schemas.planNode(), schemas.snapshotNode());
        planValidator = new PlanValidator(schemas, template, executor);
        checks = new DocumentChecks(template, new DocumentKinds(schemas.snapshotNode(), schemas.planNode(),
                SchemaSet.packagedTree(SchemaSet.REVIEW_SCHEMA)));
        snapshotValidator = new SnapshotValidator(schemas, executor);
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

    public Executor executor() {
        return executor;
    }
}
