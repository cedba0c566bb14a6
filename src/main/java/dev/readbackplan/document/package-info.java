/**
 * What the library says about documents, with no behaviour of its own: their kinds, the limits they
 * are read with, their problems and validation reports, the comparison of a plan with its snapshot, the
 * plan schema's catalogs, and the exceptions that carry them. Every type here is immutable.
 */
@NullMarked
package dev.readbackplan.document;

import org.jspecify.annotations.NullMarked;
