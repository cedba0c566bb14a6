/**
 * Implementation details: the strict reader, schema loading, the plan template, validation, checks and
 * the byte-exact writer. Not API: anything here may change in any release.
 */
package dev.readbackplan.internal;
