package dev.readbackplan.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trees that cannot change: the containers of a frozen tree hold their members in unmodifiable
 * collections, so every way of changing one ({@code set}, {@code put}, {@code remove}, {@code add},
 * {@code Map.Entry#setValue} on its {@code properties()}) throws {@link UnsupportedOperationException}
 * instead of silently changing every place the tree is shared. Scalar nodes are immutable already.
 * Reading, comparing, writing and {@code deepCopy()} (which gives an ordinary, changeable tree) work
 * as on any tree.
 */
public final class FrozenNodes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FrozenNodes() {}

    /** A frozen copy of {@code node} (null for null). */
    public static JsonNode freeze(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            Map<String, JsonNode> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                members.put(member.getKey(), freeze(member.getValue()));
            }
            return new ObjectNode(NODES, Collections.unmodifiableMap(members));
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(freeze(item)));
            return new ArrayNode(NODES, Collections.unmodifiableList(items));
        }
        return node;
    }
}
