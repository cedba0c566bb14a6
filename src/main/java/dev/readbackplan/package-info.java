/**
 * The public API's facade: {@link dev.readbackplan.ReadbackPlanner} generates monitoring post-incident
 * readback plans from owner-response acceptance snapshots, validates both (reporting problems as
 * {@link dev.readbackplan.document.ValidationReport}s) and reviews filled plans ({@link
 * dev.readbackplan.PlanReview}); {@link dev.readbackplan.ReadbackCatalog} exposes the plan schema's
 * catalogs, {@link dev.readbackplan.Reports} renders reports for tools and {@link
 * dev.readbackplan.Outputs} writes files as the planner does. The values it hands out are in {@code
 * dev.readbackplan.document}, printable text in {@code dev.readbackplan.text}, and the typed model
 * generated from the schemas in {@code dev.readbackplan.model}.
 */
@NullMarked
package dev.readbackplan;

import org.jspecify.annotations.NullMarked;
