package com.sparkify.dwh.local.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A jsonpaths file: the n-th expression gives the n-th column's value, by position. Expressions are
 * evaluated with Jayway JsonPath, restricted to what Redshift allows: each must name one element
 * (no wildcards, filters or deep scans), and one file may not mix bracket and dot notation. A missing
 * object element loads NULL; a missing array element fails the COPY, as Redshift documents.
 */
final class JsonPathsRecordMapper implements RecordMapper {

    private static final Pattern ARRAY_INDEX = Pattern.compile("\\[\\s*\\d+\\s*]");
    private static final Pattern NEGATIVE_INDEX = Pattern.compile("\\[\\s*-");

    private final ObjectMapper mapper;
    private final TargetColumn[] columns;
    private final ValueConverter converter;
    private final List<JsonPath> paths;
    private final List<String> expressions;
    private final Configuration configuration = Configuration.builder()
            .jsonProvider(new StrictIndexProvider())
            .mappingProvider(new JacksonMappingProvider())
            .build();

    JsonPathsRecordMapper(ObjectMapper mapper, TargetColumn[] columns, ValueConverter converter,
                          List<String> expressions, String file) {
        this.mapper = mapper;
        this.columns = columns;
        this.converter = converter;
        this.expressions = List.copyOf(expressions);
        if (expressions.size() != columns.length) {
            throw new CopyException("Number of jsonpaths and the number of columns should match. JSONPath size: "
                    + expressions.size() + ", Number of columns in table or column list: " + columns.length
                    + " (jsonpaths file " + file + ")");
        }
        boolean bracket = false;
        boolean dot = false;
        this.paths = new ArrayList<>();
        for (String expression : expressions) {
            JsonPath path;
            try {
                path = JsonPath.compile(expression);
            } catch (InvalidPathException | IllegalArgumentException e) {
                throw new CopyException("Invalid JSONPath format in " + file + ": '" + expression + "': " + e.getMessage());
            }
            if (NEGATIVE_INDEX.matcher(expression).find()) {
                // "Array indexes must be positive integers (greater than or equal to zero)."
                throw new CopyException("Invalid JSONPath format in " + file + ": '" + expression
                        + "': array indexes must be integers greater than or equal to zero");
            }
            if (!path.isDefinite() || expression.contains("..")) {
                throw new CopyException("Invalid JSONPath format in " + file + ": '" + expression
                        + "' can match several elements; Redshift allows only paths to one element");
            }
            String rest = expression.substring(1).strip();
            bracket |= rest.startsWith("['") || rest.startsWith("[\"");
            dot |= rest.startsWith(".");
            paths.add(path);
        }
        if (bracket && dot) {
            throw new CopyException("Invalid JSONPath format in " + file
                    + ": bracket notation and dot notation cannot be mixed in one jsonpaths array");
        }
    }

    @Override
    public Object[] map(JsonRecordSplitter.Record record) throws RowRejectedException {
        JsonNode root;
        try {
            root = mapper.readTree(record.bytes(), 0, record.length());
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            throw new RowRejectedException("", "", "", LoadErrorCodes.INVALID_INPUT, "Invalid JSON: " + message);
        }
        Object[] values = new Object[columns.length];
        var document = JsonPath.using(configuration).parse(root);
        for (int i = 0; i < columns.length; i++) {
            Object found;
            try {
                found = document.read(paths.get(i));
            } catch (PathNotFoundException e) {
                if (ARRAY_INDEX.matcher(expressions.get(i)).find()) {
                    throw new CopyException("Invalid JSONPath format: Not an array or index out of range."
                            + " ('" + expressions.get(i) + "' on the record ending at line " + record.lastLine() + ")");
                }
                found = null;
            }
            values[i] = converter.convert(valueOf(found), columns[i]);
        }
        RecordMapper.checkNotNull(values, columns);
        return values;
    }

    /**
     * Jackson's ArrayNode answers null for an index past the end, which Jayway would take for a JSON null
     * found there; throwing instead makes Jayway report the element missing, so the COPY fails as documented.
     */
    private static final class StrictIndexProvider extends JacksonJsonNodeJsonProvider {
        @Override
        public Object getArrayIndex(Object array, int index) {
            if (array instanceof ArrayNode node && (index < 0 || index >= node.size())) {
                throw new IndexOutOfBoundsException("index " + index + " of an array of " + node.size());
            }
            return super.getArrayIndex(array, index);
        }
    }

    private static JsonValue valueOf(Object found) {
        if (found == null) {
            return JsonValue.NULL;
        }
        if (found instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return JsonValue.NULL;
            }
            if (node.isTextual()) {
                return new JsonValue(JsonValue.Kind.STRING, node.textValue());
            }
            if (node.isNumber()) {
                return new JsonValue(JsonValue.Kind.NUMBER, node.asText());
            }
            if (node.isBoolean()) {
                return new JsonValue(JsonValue.Kind.BOOLEAN, node.asText());
            }
            return new JsonValue(JsonValue.Kind.STRUCTURE, node.toString());
        }
        if (found instanceof String text) {
            return new JsonValue(JsonValue.Kind.STRING, text);
        }
        if (found instanceof Number number) {
            return new JsonValue(JsonValue.Kind.NUMBER, number.toString());
        }
        if (found instanceof Boolean bool) {
            return new JsonValue(JsonValue.Kind.BOOLEAN, bool.toString());
        }
        return new JsonValue(JsonValue.Kind.STRUCTURE, String.valueOf(found));
    }
}
