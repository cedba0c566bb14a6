package dev.readbackplan.internal.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.PointerPath;
import dev.readbackplan.internal.secret.SecretScanner;
import dev.readbackplan.internal.text.Pointer;
import java.util.Map;

/**
 * Checks every string of a document, keys included: a string must not hold an unpaired surrogate
 * (which a backslash-u escape can produce, and which is not a character: Python cannot write it), and
 * must not look like a secret or a raw payload ({@link SecretScanner}).
 */
public final class StringFindings {
    private StringFindings() {}

    /** Adds findings for every string in {@code node}, which sits at {@code at}. */
    public static void scan(JsonNode node, Pointer at, Findings findings) {
        walk(node, new PointerPath(at), findings, StringFindings::check);
    }

    /** A check of one string: {@code what} says "the value" or "the key"; {@code key} is the key checked, or null. */
    @FunctionalInterface
    interface StringCheck {
        void check(String text, String what, PointerPath path, String key, Findings findings);
    }

    /** Calls {@code check} on every string in {@code node}, keys included, in document order. */
    static void walk(JsonNode node, PointerPath path, Findings findings, StringCheck check) {
        if (node.isTextual()) {
            check.check(node.textValue(), "the value", path, null, findings);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                check.check(member.getKey(), "the key", path, member.getKey(), findings);
                JsonNode value = member.getValue();
                if (value.isContainerNode() || value.isTextual()) {
                    path.push(member.getKey());
                    walk(value, path, findings, check);
                    path.pop();
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isContainerNode() || value.isTextual()) {
                    path.push(i);
                    walk(value, path, findings, check);
                    path.pop();
                }
            }
        }
    }

    /** One string, at the path (or, for a key, at the member it names). */
    private static void check(String text, String what, PointerPath path, String key, Findings findings) {
        int markers = SecretScanner.markers(text);
        if ((markers & SecretScanner.SURROGATE) != 0 && hasUnpairedSurrogate(text)) {
            findings.add(Finding.error(key == null ? path.pointer() : path.pointer().key(key), Keyword.ENCODING,
                    what + " holds an unpaired surrogate escape (\\ud800-\\udfff), which is not a character"));
        }
        SecretScanner.Kind kind = SecretScanner.scan(text, markers);
        if (kind != null) {
            findings.add(Finding.scanned(key == null ? path.pointer() : path.pointer().key(key), keyword(kind), message(what, kind),
                    kind.ruleId()));
        }
    }

    /** The problem keyword of what the scanner found. */
    private static Keyword keyword(SecretScanner.Kind kind) {
        return kind.isSecret() ? Keyword.SECRET : Keyword.RAW_PAYLOAD;
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private static String message(String what, SecretScanner.Kind kind) {
        if (keyword(kind) == Keyword.RAW_PAYLOAD) {
            return what + " looks like " + kind.description() + "; store a redacted reference (ticket, hash or artifact pointer) instead";
        }
        return what + " looks like " + kind.description() + "; evidence must be a redacted reference, never the secret itself";
    }
}
