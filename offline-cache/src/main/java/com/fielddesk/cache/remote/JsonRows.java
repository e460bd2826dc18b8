package com.fielddesk.cache.remote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The answer of {@code rpc/sync_page}: a JSON array with one array of values per row. Read with a
 * streaming parser into plain values (String, Long, BigInteger, Double, Boolean, null; a nested
 * array or object as its JsonNode) — what a tree would hold, without building one: a page is
 * tens of thousands of values, and key-less rows are also about half the bytes of JSON objects.
 */
@JsonDeserialize(using = JsonRows.Reader.class)
public record JsonRows(List<Object[]> rows) {

    static final class Reader extends StdDeserializer<JsonRows> {

        Reader() {
            super(JsonRows.class);
        }

        @Override
        public JsonRows deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return context.reportInputMismatch(this, "A sync page is a JSON array of rows");
            }
            List<Object[]> rows = new ArrayList<>();
            Object[] values = new Object[32];
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_ARRAY) {
                    return context.reportInputMismatch(this, "A sync page row is a JSON array of values");
                }
                int count = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (count == values.length) {
                        values = Arrays.copyOf(values, count * 2);
                    }
                    values[count++] = scalar(parser, token, context);
                }
                rows.add(Arrays.copyOf(values, count));
            }
            return new JsonRows(rows);
        }

        private static Object scalar(JsonParser parser, JsonToken token, DeserializationContext context) throws IOException {
            return switch (token) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> context.readTree(parser);
            };
        }
    }
}
