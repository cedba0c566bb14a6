/**
 * The public API: {@link dev.readbackplan.ReadbackPlanner} generates monitoring post-incident readback
 * plans from owner-response acceptance snapshots and validates both, reporting problems as {@link
 * dev.readbackplan.ValidationReport}s; {@link dev.readbackplan.ReadbackCatalog} exposes the plan
 * schema's catalogs. The typed model is generated from the schemas into {@code dev.readbackplan.model}.
 */
package dev.readbackplan;
