/**
 * The bottom layer: JSON Pointers and the escaping that makes text read from a document fit to print
 * (terminal, JSON, Markdown). Depends on nothing else of this project. Not API.
 */
package dev.readbackplan.internal.text;
