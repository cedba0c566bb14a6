/**
 * The secret and raw-payload scanner: a table of named rules, and the walk that scans every string
 * and key of a document. Not API.
 */
package dev.readbackplan.internal.scan;
