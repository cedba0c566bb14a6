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

    private Engine() {
        schemas = SchemaSet.get();
        template = new PlanTemplate(schemas.planNode(), schemas.snapshotNode());
        planValidator = new PlanValidator(schemas, template);
        checks = new DocumentChecks(template);
    }

    public static Engine get() {
        return Holder.INSTANCE;
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
}
