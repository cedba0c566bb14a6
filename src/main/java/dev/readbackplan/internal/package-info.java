/**
 * Implementation details, in sub-packages by role: {@code json} (strict reading, byte-exact writing,
 * pointers), {@code report} (findings and how they are shown), {@code schema} (compiled schemas and
 * validation), {@code scan} (the secret scanner), {@code plan} (building, writing, comparing and
 * regenerating plans), {@code review} and {@code io} (output files); here, the {@link
 * dev.readbackplan.internal.Engine} that wires them. Not API, and not exported by the module: anything
 * here may change in any release.
 */
package dev.readbackplan.internal;
