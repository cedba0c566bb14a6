package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Builds the trees of our schemas with text nodes that print themselves.
 *
 * <p>networknt renders every {@code enum} of a schema as text when it compiles it, for its error
 * messages, through {@code JsonNode.toString()}; Jackson 2 implements that with a databind
 * ObjectMapper, whose start-up is a good part of a one-off run's. These nodes produce the same text
 * (a JSON string literal) directly. They are equal to, and hash like, ordinary text nodes.
 */
final class SchemaNodes extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    static final SchemaNodes INSTANCE = new SchemaNodes();

    private SchemaNodes() {
        super(false);
    }

    @Override
    public TextNode textNode(String text) {
        return text == null ? null : new PrintingTextNode(text);
    }

    /** A text node whose {@code toString()} is its JSON string literal, without databind. */
    static final class PrintingTextNode extends TextNode {
        private static final long serialVersionUID = 1L;
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();

        PrintingTextNode(String text) {
            super(text);
        }

        @Override
        public String toString() {
            String text = textValue();
            StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> literal.append("\\\"");
                    case '\\' -> literal.append("\\\\");
                    case '\n' -> literal.append("\\n");
                    case '\r' -> literal.append("\\r");
                    case '\t' -> literal.append("\\t");
                    case '\b' -> literal.append("\\b");
                    case '\f' -> literal.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            literal.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                        } else {
                            literal.append(c);
                        }
                    }
                }
            }
            return literal.append('"').toString();
        }
    }
}
