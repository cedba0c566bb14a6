/**
 * The command line: a thin {@link dev.readbackplan.cli.Main} around {@link dev.readbackplan.cli.Cli},
 * which parses the reference generator's flags and calls the public API. Not API.
 */
package dev.readbackplan.cli;
