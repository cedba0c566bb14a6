package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Applies the {@link SecretScanner} to every string of a document, keys included. */
public final class SecretFindings {
    private SecretFindings() {}

    /** Findings for every secret-shaped or raw-payload string in {@code node}, which sits at pointer {@code at}. */
    public static List<Finding> scan(JsonNode node, String at) {
        List<Finding> findings = new ArrayList<>(0);
        walk(node, at, findings);
        return findings;
    }

    private static void walk(JsonNode node, String at, List<Finding> findings) {
        if (node.isTextual()) {
            SecretScanner.Kind kind = SecretScanner.scan(node.textValue());
            if (kind != null) {
                findings.add(Finding.error(at, kind.keyword(), message("the value", kind)));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                SecretScanner.Kind kind = SecretScanner.scan(member.getKey());
                if (kind != null) {
                    findings.add(Finding.error(JsonPointers.child(at, member.getKey()), kind.keyword(), message("the key", kind)));
                }
                JsonNode value = member.getValue();
                if (value.isContainerNode() || value.isTextual()) {
                    walk(value, JsonPointers.child(at, member.getKey()), findings);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isContainerNode() || value.isTextual()) {
                    walk(value, JsonPointers.child(at, i), findings);
                }
            }
        }
    }

    private static String message(String what, SecretScanner.Kind kind) {
        if (kind.keyword().equals("raw-payload")) {
            return what + " looks like " + kind.description() + "; store a redacted reference (ticket, hash or artifact pointer) instead";
        }
        return what + " looks like " + kind.description() + "; evidence must be a redacted reference, never the secret itself";
    }

    /**
     * Replaces anything secret-shaped in a text meant for people (a pointer holding a key, a message)
     * so that reports never repeat a secret.
     */
    public static String redact(String text) {
        return SecretScanner.scan(text) == null ? text : "[redacted: secret-shaped text]";
    }
}
