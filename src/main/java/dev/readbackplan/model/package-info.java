/**
 * The typed model, generated at build time by jsonschema2pojo from the JSON Schemas in {@code
 * schemas/}: {@link dev.readbackplan.model.AcceptanceSnapshot} (input) and {@link
 * dev.readbackplan.model.ReadbackPlan} (output). Change the schemas, not these classes.
 */
package dev.readbackplan.model;
