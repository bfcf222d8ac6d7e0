package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.internal.path.ArrayIndexToken;
import com.jayway.jsonpath.internal.path.CompiledPath;
import com.jayway.jsonpath.internal.path.PathCompiler;
import com.jayway.jsonpath.internal.path.PathToken;
import com.jayway.jsonpath.internal.path.PropertyPathToken;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A States Language Path: a Jayway JsonPath, applied to the state's data, or, when it begins with
 * "$$", to the Context Object. Paths are compiled by Jayway; when the compiled path is a Reference Path
 * (only single-property and single-index steps, so it names at most one node), its steps are kept so
 * the path can be read exactly (a missing field or an index past the end is "not found", a JSON null
 * is a value) and written (ResultPath) with missing objects created.
 */
final class JsonPathExpr {
    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .options(EnumSet.noneOf(Option.class))
            .build();
    private static final Pattern SINGLE_INDEX = Pattern.compile("\\[\\s*(-?\\d+)\\s*]");

    /** One step of a Reference Path. */
    record Step(String property, int index) {
        boolean isProperty() {
            return property != null;
        }

        @Override
        public String toString() {
            return isProperty() ? "['" + property + "']" : "[" + index + "]";
        }
    }

    /** Thrown when a path selects nothing in the data it is applied to. */
    static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private final boolean context;
    private final JsonPath compiled;
    private final List<Step> steps;

    private JsonPathExpr(String text, boolean context, JsonPath compiled, List<Step> steps) {
        this.text = text;
        this.context = context;
        this.compiled = compiled;
        this.steps = steps;
    }

    /**
     * Compiles a Path.
     *
     * @throws IllegalArgumentException when the text is not a path Jayway accepts
     */
    static JsonPathExpr compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must begin with '$': " + text);
        }
        boolean context = text.startsWith("$$");
        String jsonPath = context ? text.substring(1) : text;
        try {
            CompiledPath path = (CompiledPath) PathCompiler.compile(jsonPath);
            return new JsonPathExpr(text, context, JsonPath.compile(jsonPath), stepsOf(path));
        } catch (InvalidPathException | ClassCastException e) {
            throw new IllegalArgumentException("invalid path '" + text + "': " + e.getMessage(), e);
        }
    }

    private static List<Step> stepsOf(CompiledPath path) {
        List<Step> steps = new ArrayList<>();
        for (PathToken token = path.getRoot().getNext(); token != null; token = token.getNext()) {
            if (token instanceof PropertyPathToken property && property.singlePropertyCase()) {
                steps.add(new Step(property.getProperties().get(0), 0));
            } else if (token instanceof ArrayIndexToken index) {
                Matcher m = SINGLE_INDEX.matcher(index.getPathFragment());
                if (!m.matches()) {
                    return null;
                }
                steps.add(new Step(null, Integer.parseInt(m.group(1))));
            } else {
                return null;
            }
        }
        return List.copyOf(steps);
    }

    String text() {
        return text;
    }

    boolean isContextPath() {
        return context;
    }

    /** A Reference Path identifies at most one node: only single-property and single-index steps. */
    boolean isReferencePath() {
        return steps != null;
    }

    boolean isRoot() {
        return steps != null && steps.isEmpty() && !context;
    }

    /** Applies the path to the data, or to the context object if it begins with "$$". */
    JsonNode read(JsonNode data, JsonNode contextObject) throws NotFound {
        JsonNode target = context ? contextObject : data;
        if (target == null) {
            throw new NotFound("no " + (context ? "context object" : "input") + " for path '" + text + "'");
        }
        if (steps != null) {
            return walk(target);
        }
        try {
            Object value = JsonPath.using(JAYWAY).parse(target).read(compiled);
            if (value == null) {
                return Json.NODES.nullNode();
            }
            if (value instanceof JsonNode node) {
                return node;
            }
            return Json.MAPPER.valueToTree(value);
        } catch (JsonPathException | IllegalArgumentException e) {
            throw new NotFound("path '" + text + "' selects nothing: " + e.getMessage());
        }
    }

    private JsonNode walk(JsonNode root) throws NotFound {
        JsonNode current = root;
        for (Step step : steps) {
            JsonNode next = child(current, step);
            if (next == null) {
                throw new NotFound("path '" + text + "' selects nothing: no " + step + " in the "
                        + Json.typeOf(current) + " it reaches");
            }
            current = next;
        }
        return current;
    }

    private static JsonNode child(JsonNode node, Step step) {
        if (step.isProperty()) {
            return node.isObject() ? node.get(step.property()) : null;
        }
        if (!node.isArray()) {
            return null;
        }
        int i = step.index() < 0 ? node.size() + step.index() : step.index();
        return i >= 0 && i < node.size() ? node.get(i) : null;
    }

    /**
     * ResultPath: the raw input combined with the value at this Reference Path, creating missing objects
     * on the way. The raw input is not modified. "$" replaces the input.
     *
     * @throws NotFound when the path cannot be applied to the input (e.g. a field of a string)
     */
    JsonNode place(JsonNode rawInput, JsonNode value) throws NotFound {
        if (steps == null || context) {
            throw new IllegalStateException("not a Reference Path: " + text);
        }
        if (steps.isEmpty()) {
            return value;
        }
        if (!rawInput.isContainerNode()) {
            throw new NotFound("ResultPath '" + text + "' cannot be applied to a " + Json.typeOf(rawInput));
        }
        ContainerNode<?> root = (ContainerNode<?>) rawInput.deepCopy();
        JsonNode current = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Step step = steps.get(i);
            JsonNode next = child(current, step);
            if (next == null) {
                if (step.isProperty() && current.isObject() && steps.get(i + 1).isProperty()) {
                    next = ((ObjectNode) current).putObject(step.property());
                } else {
                    throw new NotFound("ResultPath '" + text + "' cannot be applied: no " + step + " in the "
                            + Json.typeOf(current) + " it reaches");
                }
            }
            current = next;
        }
        Step last = steps.get(steps.size() - 1);
        if (last.isProperty() && current.isObject()) {
            ((ObjectNode) current).set(last.property(), value);
        } else if (!last.isProperty() && current.isArray() && child(current, last) != null) {
            int i = last.index() < 0 ? current.size() + last.index() : last.index();
            ((ArrayNode) current).set(i, value);
        } else {
            throw new NotFound("ResultPath '" + text + "' cannot be applied: cannot set " + last + " in a "
                    + Json.typeOf(current));
        }
        return root;
    }

    @Override
    public String toString() {
        return text;
    }
}
