/**
 * Problems before they are reported: findings collected up to a limit, located by line and column,
 * and rendered safely (redacted, shortened, escaped) for people. Not API.
 */
package dev.readbackplan.internal.report;
