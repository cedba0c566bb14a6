/**
 * Plans built from snapshots (every fixed value read from the plan schema), written, compared with
 * files, and regenerated keeping reviewers' entries. Not API.
 */
package dev.readbackplan.internal.plan;
