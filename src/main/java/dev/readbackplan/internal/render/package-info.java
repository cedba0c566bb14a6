/**
 * Renderers of reviews for people and tools: plain text for terminals and Markdown for pull requests,
 * both as {@link dev.readbackplan.text.SafeText}, so that nothing read from a document is printed
 * unescaped. Not API.
 */
package dev.readbackplan.internal.render;
