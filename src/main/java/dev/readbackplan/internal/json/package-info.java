/**
 * Reading JSON strictly into trees (with positions for problems), writing it byte for byte as
 * Python's json module does, and JSON Pointers kept as segments. Not API.
 */
package dev.readbackplan.internal.json;
