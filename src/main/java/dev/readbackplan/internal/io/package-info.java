/**
 * Output files: replaced atomically, special files written into, symbolic links followed as the
 * kernel follows them. Not API.
 */
package dev.readbackplan.internal.io;
