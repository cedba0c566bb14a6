/**
 * Splitting a document's candidates into ranges checked side by side, on the caller's executor. Not API.
 */
package dev.readbackplan.internal.concurrent;
