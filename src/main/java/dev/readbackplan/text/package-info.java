/**
 * {@link dev.readbackplan.text.SafeText}: text fit to print, a type apart from raw text so that a value
 * read from a document cannot reach a terminal or a report unescaped by mistake.
 */
@NullMarked
package dev.readbackplan.text;

import org.jspecify.annotations.NullMarked;
