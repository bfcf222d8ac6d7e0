package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Payload Template (Parameters, ResultSelector, ItemSelector): a JSON object in which every field whose
 * name ends in ".$", however deeply nested, is replaced by the value of its Path (applied to the template's
 * input, or to the Context Object when it begins with "$$") or of its Intrinsic Function, and renamed
 * without the suffix.
 */
final class PayloadTemplate {
    private sealed interface Node permits Literal, ObjectTemplate, ArrayTemplate, PathValue, IntrinsicValue {
    }

    private record Literal(JsonNode value) implements Node {
    }

    private record Field(String name, String sourceName, Node value) {
    }

    private record ObjectTemplate(List<Field> fields) implements Node {
    }

    private record ArrayTemplate(List<Node> items) implements Node {
    }

    private record PathValue(JsonPathExpr path) implements Node {
    }

    private record IntrinsicValue(Intrinsic call) implements Node {
    }

    private final String fieldName;
    private final Node root;

    private PayloadTemplate(String fieldName, Node root) {
        this.fieldName = fieldName;
        this.root = root;
    }

    /**
     * Compiles a template.
     *
     * @param fieldName the state field ("Parameters", ...), for messages
     * @throws IllegalArgumentException naming the offending field
     */
    static PayloadTemplate compile(String fieldName, JsonNode template) {
        if (template == null || !template.isObject()) {
            throw new IllegalArgumentException(fieldName + " must be a JSON object");
        }
        return new PayloadTemplate(fieldName, compileNode(template, fieldName));
    }

    private static Node compileNode(JsonNode node, String where) {
        if (node.isObject()) {
            List<Field> fields = new ArrayList<>();
            Set<String> names = new HashSet<>();
            boolean dynamic = false;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                String name = key;
                Node compiled;
                if (key.endsWith(".$")) {
                    name = key.substring(0, key.length() - 2);
                    compiled = compileDynamic(value, where + "." + key);
                    dynamic = true;
                } else {
                    compiled = compileNode(value, where + "." + key);
                    dynamic |= !(compiled instanceof Literal);
                }
                if (!names.add(name)) {
                    throw new IllegalArgumentException(where + " has the field '" + name
                            + "' twice once '.$' suffixes are removed");
                }
                fields.add(new Field(name, key, compiled));
            }
            return dynamic ? new ObjectTemplate(List.copyOf(fields)) : new Literal(node);
        }
        if (node.isArray()) {
            List<Node> items = new ArrayList<>();
            boolean dynamic = false;
            for (int i = 0; i < node.size(); i++) {
                Node compiled = compileNode(node.get(i), where + "[" + i + "]");
                dynamic |= !(compiled instanceof Literal);
                items.add(compiled);
            }
            return dynamic ? new ArrayTemplate(List.copyOf(items)) : new Literal(node);
        }
        return new Literal(node);
    }

    private static Node compileDynamic(JsonNode value, String where) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + " must be a string (a Path or an Intrinsic Function)");
        }
        String text = value.textValue();
        if (text.startsWith("$")) {
            try {
                return new PathValue(JsonPathExpr.compile(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return new IntrinsicValue(Intrinsic.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not a Path or an Intrinsic Function: " + e.getMessage(), e);
        }
    }

    /**
     * Produces the payload.
     *
     * @throws StatesError States.ParameterPathFailure when a path selects nothing, States.IntrinsicFailure
     *     when an intrinsic function fails
     */
    JsonNode evaluate(JsonNode input, JsonNode context) {
        return evaluate(root, input, context, fieldName);
    }

    private static JsonNode evaluate(Node node, JsonNode input, JsonNode context, String where) {
        if (node instanceof Literal literal) {
            return literal.value();
        }
        if (node instanceof ObjectTemplate object) {
            ObjectNode out = Json.object();
            for (Field field : object.fields()) {
                out.set(field.name(), evaluate(field.value(), input, context, field.sourceName()));
            }
            return out;
        }
        if (node instanceof ArrayTemplate array) {
            ArrayNode out = Json.NODES.arrayNode();
            for (Node item : array.items()) {
                out.add(evaluate(item, input, context, where));
            }
            return out;
        }
        if (node instanceof PathValue path) {
            try {
                return path.path().read(input, context);
            } catch (JsonPathExpr.NotFound e) {
                throw new StatesError(StatesErrors.PARAMETER_PATH_FAILURE, "The JSONPath '" + path.path().text()
                        + "' specified for the field '" + where + "' could not be found in the "
                        + (path.path().isContextPath() ? "context object" : "input") + " '"
                        + Json.summary(path.path().isContextPath() ? context : input) + "'");
            }
        }
        Intrinsic call = ((IntrinsicValue) node).call();
        try {
            return call.evaluate(input, context);
        } catch (Intrinsic.PathFailure e) {
            throw new StatesError(StatesErrors.PARAMETER_PATH_FAILURE, "The field '" + where + "' ("
                    + call.text() + "): " + e.getMessage());
        } catch (Intrinsic.Failure e) {
            throw new StatesError(StatesErrors.INTRINSIC_FAILURE, "The field '" + where + "' ("
                    + call.text() + "): " + e.getMessage());
        }
    }
}
