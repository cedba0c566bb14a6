/**
 * The review of filled readback plans: the reviewer checks and outcome lanes applied to each candidate,
 * and the review's renderings. Not API: use {@link dev.readbackplan.ReadbackPlanner#review}.
 */
package dev.readbackplan.internal.review;
