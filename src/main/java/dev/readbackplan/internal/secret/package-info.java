/**
 * The secret scanner's rule table and matchers: pure functions from a string to the first secret
 * rule it matches. Depends on nothing else of this project, so that every layer above (escaping
 * included) can redact with it. Not API.
 */
package dev.readbackplan.internal.secret;
