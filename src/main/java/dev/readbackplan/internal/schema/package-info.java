/**
 * The JSON Schemas compiled once per planner, and validation: whole documents, candidates a range
 * at a time, and the checks a schema cannot express. Not API.
 */
package dev.readbackplan.internal.schema;
