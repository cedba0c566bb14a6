/**
 * Monitoring post-incident readback plans: generated from monitoring owner-response acceptance
 * snapshots, validated against their JSON Schemas, and reviewed once reviewers fill them in.
 *
 * <p>The API is {@code dev.readbackplan} (start with {@link dev.readbackplan.ReadbackPlanner}) and the
 * typed model generated from the schemas, {@code dev.readbackplan.model}. The {@code internal} and
 * {@code cli} packages are not exported: they may change in any release.
 */
module dev.readbackplan {
    // On the public classes of the generated model.
    requires transitive com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.networknt.schema;
    // networknt's date-time format uses it, but networknt requires it only statically.
    requires com.ethlo.time;
    // JSpecify's nullness annotations on the API: needed to compile, not to run.
    requires static org.jspecify;
    // RE2/J (the secret scanner's linear-time patterns) is not required: it names no module, so it is
    // compiled against from the class path (--add-reads ALL-UNNAMED, see the pom) and bundled in the
    // jar, relocated to the package dev.readbackplan.internal.re2j, which this module holds.

    exports dev.readbackplan;
    exports dev.readbackplan.document;
    exports dev.readbackplan.text;
    exports dev.readbackplan.model;

    // The typed API binds the model with databind, reflectively.
    opens dev.readbackplan.model to com.fasterxml.jackson.databind;
}
