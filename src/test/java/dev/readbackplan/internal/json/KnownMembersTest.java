package dev.readbackplan.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.text.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON layer recognises known members in the list its caller names, and nowhere else. */
class KnownMembersTest {
    private static final StrictJsonReader READER = new StrictJsonReader(Limits.DEFAULT);

    @Test
    void theCallerNamesTheList() {
        JsonNode shared = FrozenNodes.freeze(JsonNodeFactory.instance.arrayNode().add("a").add("b"));
        byte[] member = "\"tags\": [\n        \"a\",\n        \"b\"\n      ]".getBytes(StandardCharsets.UTF_8);
        StrictJsonReader.KnownMembers known = new StrictJsonReader.KnownMembers("items",
                Map.of("tags", new StrictJsonReader.Known(member, shared)));
        String text = "{\n  \"items\": [\n    {\n      \"tags\": [\n        \"a\",\n        \"b\"\n      ]\n    }\n  ],\n"
                + "  \"readback_candidates\": [\n    {\n      \"tags\": [\n        \"a\",\n        \"b\"\n      ]\n    }\n  ]\n}\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        JsonNode fast = READER.read(bytes, bytes.length, known).root();

        assertSame(shared, fast.at("/items/0/tags"), "recognised in the list the caller named");
        assertNotSame(shared, fast.at("/readback_candidates/0/tags"), "not in a list the JSON layer would have to know");
        assertEquals(READER.read(bytes, bytes.length).root(), fast);
    }

    @Test
    void aPathKnowsTheMembersOfTheItemsOfANamedList() {
        PointerPath path = new PointerPath(Pointer.ROOT);
        path.push("items");
        path.push(3);
        path.push("tags");
        assertTrue(path.isMemberOfItemOf("items"));
        assertFalse(path.isMemberOfItemOf("readback_candidates"));
        path.pop();
        path.push(0);
        assertFalse(path.isMemberOfItemOf("items"), "an item of an item is not a member");
    }
}
