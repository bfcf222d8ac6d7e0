package com.sparkify.dwh.local.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON 'auto' and 'auto ignorecase': each first-level key of an object fills the column of the same
 * name (case-sensitively, or not with ignorecase); other keys are ignored, missing ones load NULL.
 * Streams the object with Jackson, so nothing but the row's values is built.
 */
final class AutoRecordMapper implements RecordMapper {

    private final JsonFactory factory;
    private final TargetColumn[] columns;
    private final ValueConverter converter;
    private final boolean ignoreCase;
    private final Map<String, Integer> columnByKey = new HashMap<>();

    AutoRecordMapper(JsonFactory factory, TargetColumn[] columns, ValueConverter converter, boolean ignoreCase) {
        this.factory = factory;
        this.columns = columns;
        this.converter = converter;
        this.ignoreCase = ignoreCase;
        for (int i = 0; i < columns.length; i++) {
            columnByKey.put(columns[i].name(), i);
        }
    }

    @Override
    public Object[] map(JsonRecordSplitter.Record record) throws RowRejectedException {
        Object[] values = new Object[columns.length];
        boolean[] filled = new boolean[columns.length];
        try (JsonParser parser = factory.createParser(record.bytes(), 0, record.length())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new RowRejectedException("", "", "", LoadErrorCodes.INVALID_INPUT,
                        "JSON 'auto' needs an object; this record is an array (arrays need a jsonpaths file)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Integer column = columnByKey.get(ignoreCase ? key.toLowerCase(Locale.ROOT) : key);
                JsonToken token = parser.nextToken();
                if (column == null || filled[column]) {
                    // A key repeated in one object: the first occurrence counts (as DuckDB's reader has it).
                    parser.skipChildren();
                    continue;
                }
                filled[column] = true;
                values[column] = converter.convert(valueOf(parser, token, record), columns[column]);
            }
            if (parser.nextToken() != null) {
                throw new RowRejectedException("", "", "", LoadErrorCodes.INVALID_INPUT,
                        "Invalid JSON: more text after the end of the object");
            }
        } catch (JsonProcessingException e) {
            throw new RowRejectedException("", "", "", LoadErrorCodes.INVALID_INPUT,
                    "Invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading a record held in memory cannot fail", e);
        }
        RecordMapper.checkNotNull(values, columns);
        return values;
    }

    /** The current value as kind and text; numbers keep their literal text, structures their JSON text. */
    static JsonValue valueOf(JsonParser parser, JsonToken token, JsonRecordSplitter.Record record) throws IOException {
        return switch (token) {
            case VALUE_NULL -> JsonValue.NULL;
            case VALUE_STRING -> new JsonValue(JsonValue.Kind.STRING, parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue(JsonValue.Kind.NUMBER, parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> new JsonValue(JsonValue.Kind.BOOLEAN, parser.getText());
            case START_OBJECT, START_ARRAY -> {
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                long end = parser.currentLocation().getByteOffset();
                yield new JsonValue(JsonValue.Kind.STRUCTURE,
                        new String(record.bytes(), (int) start, (int) (end - start), StandardCharsets.UTF_8));
            }
            default -> throw new JsonParseProblem("unexpected " + token);
        };
    }

    /** A token where a value should be; surfaces as an invalid-JSON rejection. */
    static final class JsonParseProblem extends JsonProcessingException {
        JsonParseProblem(String message) {
            super(message);
        }
    }
}
