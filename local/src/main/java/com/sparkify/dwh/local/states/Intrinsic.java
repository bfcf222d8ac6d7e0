package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A parsed Intrinsic Function call, such as {@code States.Format('Today is {}', $.DayOfWeek)}.
 *
 * <p>The syntax, from the States Language: a function name of [A-Za-z0-9._], then a parenthesised,
 * comma-separated list of zero or more arguments, each a string in apostrophes, a number, a boolean,
 * null, a Path, or a nested call. Inside strings the reserved characters ' { } \ are escaped with a
 * backslash; any other backslash is an open escape and an error. Unescaped {@code {}} in a States.Format
 * template is a placeholder.
 */
final class Intrinsic {
    /** AWS: "You can nest up to 10 intrinsic functions within a field". */
    static final int MAX_NESTING = 10;
    private static final int MAX_STRING = 10_000;
    private static final int MAX_RANGE = 1000;

    /** One argument. */
    sealed interface Arg permits Literal, PathArg, Call {
    }

    /** A string, number, boolean or null. For strings, {@code template} marks the unescaped {} placeholders. */
    record Literal(JsonNode value, List<String> template) implements Arg {
    }

    record PathArg(JsonPathExpr path) implements Arg {
    }

    record Call(String name, List<Arg> args) implements Arg {
    }

    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("States.Format", new int[] {1, Integer.MAX_VALUE}),
            Map.entry("States.StringToJson", new int[] {1, 1}),
            Map.entry("States.JsonToString", new int[] {1, 1}),
            Map.entry("States.Array", new int[] {0, Integer.MAX_VALUE}),
            Map.entry("States.ArrayPartition", new int[] {2, 2}),
            Map.entry("States.ArrayContains", new int[] {2, 2}),
            Map.entry("States.ArrayRange", new int[] {3, 3}),
            Map.entry("States.ArrayGetItem", new int[] {2, 2}),
            Map.entry("States.ArrayLength", new int[] {1, 1}),
            Map.entry("States.ArrayUnique", new int[] {1, 1}),
            Map.entry("States.Base64Encode", new int[] {1, 1}),
            Map.entry("States.Base64Decode", new int[] {1, 1}),
            Map.entry("States.Hash", new int[] {2, 2}),
            Map.entry("States.JsonMerge", new int[] {3, 3}),
            Map.entry("States.MathRandom", new int[] {2, 3}),
            Map.entry("States.MathAdd", new int[] {2, 2}),
            Map.entry("States.StringSplit", new int[] {2, 2}),
            Map.entry("States.UUID", new int[] {0, 0}));

    private static final Map<String, String> HASH_ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private final String text;
    private final Call call;

    private Intrinsic(String text, Call call) {
        this.text = text;
        this.call = call;
    }

    String text() {
        return text;
    }

    Call call() {
        return call;
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses an intrinsic function call.
     *
     * @throws IllegalArgumentException naming the problem and its position
     */
    static Intrinsic parse(String text) {
        Parser parser = new Parser(text);
        parser.skipSpace();
        Call call = parser.call(1);
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected text after the call");
        }
        return new Intrinsic(text, call);
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("intrinsic function '" + s + "': " + message + " at position " + pos);
        }

        String name() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) && peek() < 128 || peek() == '.' || peek() == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a function name");
            }
            return s.substring(start, pos);
        }

        Call call(int depth) {
            if (depth > MAX_NESTING) {
                throw error("more than " + MAX_NESTING + " nested intrinsic functions");
            }
            String name = name();
            skipSpace();
            if (atEnd() || peek() != '(') {
                throw error("expected '(' after " + name);
            }
            pos++;
            List<Arg> args = new ArrayList<>();
            skipSpace();
            if (!atEnd() && peek() == ')') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    args.add(arg(depth));
                    skipSpace();
                    if (atEnd()) {
                        throw error("missing ')'");
                    }
                    char c = peek();
                    pos++;
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or ')'");
                    }
                }
            }
            int[] arity = ARITY.get(name);
            if (arity == null) {
                throw error("unknown intrinsic function " + name);
            }
            if (args.size() < arity[0] || args.size() > arity[1]) {
                String expected = arity[0] == arity[1] ? String.valueOf(arity[0])
                        : arity[1] == Integer.MAX_VALUE ? "at least " + arity[0] : arity[0] + " to " + arity[1];
                throw new IllegalArgumentException("intrinsic function '" + s + "': " + name + " takes " + expected
                        + " argument(s), not " + args.size());
            }
            if (name.equals("States.JsonToString") && !(args.get(0) instanceof PathArg)) {
                throw new IllegalArgumentException("intrinsic function '" + s
                        + "': the argument of States.JsonToString must be a Path");
            }
            return new Call(name, List.copyOf(args));
        }

        Arg arg(int depth) {
            if (atEnd()) {
                throw error("missing argument");
            }
            char c = peek();
            if (c == '\'') {
                return string();
            }
            if (c == '$') {
                return path();
            }
            if (c == '-' || Character.isDigit(c)) {
                return number();
            }
            int start = pos;
            String word = name();
            skipSpace();
            if (!atEnd() && peek() == '(') {
                pos = start;
                return call(depth + 1);
            }
            return switch (word) {
                case "null" -> new Literal(Json.NODES.nullNode(), null);
                case "true" -> new Literal(Json.NODES.booleanNode(true), null);
                case "false" -> new Literal(Json.NODES.booleanNode(false), null);
                default -> {
                    pos = start;
                    throw error("unexpected '" + word + "'");
                }
            };
        }

        Literal string() {
            pos++; // opening apostrophe
            StringBuilder value = new StringBuilder();
            List<String> template = new ArrayList<>();
            StringBuilder segment = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated string");
                }
                char c = peek();
                pos++;
                if (c == '\'') {
                    break;
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw error("open escape '\\'");
                    }
                    char escaped = peek();
                    if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
                        throw error("open escape '\\' before '" + escaped + "'");
                    }
                    pos++;
                    value.append(escaped);
                    segment.append(escaped);
                } else if (c == '{' && !atEnd() && peek() == '}') {
                    pos++;
                    value.append("{}");
                    template.add(segment.toString());
                    segment.setLength(0);
                } else {
                    value.append(c);
                    segment.append(c);
                }
            }
            template.add(segment.toString());
            return new Literal(Json.NODES.textNode(value.toString()), List.copyOf(template));
        }

        PathArg path() {
            int start = pos;
            int brackets = 0;
            int parens = 0;
            while (!atEnd()) {
                char c = peek();
                if (c == '\'' || c == '"') {
                    int close = s.indexOf(c, pos + 1);
                    if (close < 0) {
                        throw error("unterminated quote in path");
                    }
                    pos = close + 1;
                    continue;
                }
                if (c == '[') {
                    brackets++;
                } else if (c == ']') {
                    brackets--;
                } else if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    if (parens == 0 && brackets == 0) {
                        break;
                    }
                    parens--;
                } else if (c == ',' && parens == 0 && brackets == 0) {
                    break;
                }
                pos++;
            }
            String text = s.substring(start, pos).strip();
            try {
                return new PathArg(JsonPathExpr.compile(text));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        Literal number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (!atEnd() && (Character.isDigit(peek()) || ".eE+-".indexOf(peek()) >= 0)) {
                pos++;
            }
            String text = s.substring(start, pos);
            if (!text.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                throw error("invalid number '" + text + "'");
            }
            try {
                return new Literal(Json.MAPPER.readTree(text), null);
            } catch (JsonProcessingException e) {
                throw error("invalid number '" + text + "'");
            }
        }
    }

    // ---------------------------------------------------------------- evaluation

    /** Thrown for a path argument that selects nothing (reported as States.ParameterPathFailure). */
    static final class PathFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PathFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown when a function fails (reported as States.IntrinsicFailure). */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Invokes the call against the payload template's input and the context object.
     *
     * @throws PathFailure when a path argument selects nothing
     * @throws Failure when the function fails
     */
    JsonNode evaluate(JsonNode input, JsonNode context) {
        return evaluate(call, input, context);
    }

    private static JsonNode evaluate(Arg arg, JsonNode input, JsonNode context) {
        if (arg instanceof Literal literal) {
            return literal.value();
        }
        if (arg instanceof PathArg path) {
            try {
                return path.path().read(input, context);
            } catch (JsonPathExpr.NotFound e) {
                throw new PathFailure(e.getMessage());
            }
        }
        Call call = (Call) arg;
        List<JsonNode> values = new ArrayList<>(call.args().size());
        for (Arg a : call.args()) {
            values.add(evaluate(a, input, context));
        }
        return invoke(call, values);
    }

    private static JsonNode invoke(Call call, List<JsonNode> v) {
        String name = call.name();
        switch (name) {
            case "States.Format":
                return format(call, v);
            case "States.StringToJson": {
                String text = string(name, v, 0);
                try {
                    JsonNode parsed = Json.MAPPER.readTree(text);
                    if (parsed == null || parsed.isMissingNode()) {
                        throw new Failure(name + ": the argument is not JSON text: '" + Json.abbreviate(text, 100) + "'");
                    }
                    return parsed;
                } catch (JsonProcessingException e) {
                    throw new Failure(name + ": the argument is not JSON text: " + e.getOriginalMessage());
                }
            }
            case "States.JsonToString":
                return Json.NODES.textNode(Json.write(v.get(0)));
            case "States.Array": {
                ArrayNode array = Json.NODES.arrayNode();
                v.forEach(array::add);
                return array;
            }
            case "States.ArrayPartition": {
                ArrayNode array = array(name, v, 0);
                long size = integer(name, v, 1);
                if (size <= 0) {
                    throw new Failure(name + ": the chunk size must be a positive integer, not " + size);
                }
                ArrayNode result = Json.NODES.arrayNode();
                ArrayNode chunk = null;
                for (int i = 0; i < array.size(); i++) {
                    if (i % size == 0) {
                        chunk = result.addArray();
                    }
                    chunk.add(array.get(i));
                }
                return result;
            }
            case "States.ArrayContains": {
                ArrayNode array = array(name, v, 0);
                for (JsonNode item : array) {
                    if (Json.sameValue(item, v.get(1))) {
                        return Json.NODES.booleanNode(true);
                    }
                }
                return Json.NODES.booleanNode(false);
            }
            case "States.ArrayRange": {
                long start = integer(name, v, 0);
                long end = integer(name, v, 1);
                long step = integer(name, v, 2);
                if (step == 0) {
                    throw new Failure(name + ": the step must not be zero");
                }
                long count = (step > 0 ? (end >= start ? (end - start) / step + 1 : 0)
                        : (start >= end ? (start - end) / -step + 1 : 0));
                if (count > MAX_RANGE) {
                    throw new Failure(name + ": the range would have " + count + " items, more than " + MAX_RANGE);
                }
                ArrayNode result = Json.NODES.arrayNode();
                for (long i = 0, x = start; i < count; i++, x += step) {
                    result.add(Json.integer(x));
                }
                return result;
            }
            case "States.ArrayGetItem": {
                ArrayNode array = array(name, v, 0);
                long index = integer(name, v, 1);
                if (index < 0 || index >= array.size()) {
                    throw new Failure(name + ": index " + index + " is out of bounds for an array of " + array.size());
                }
                return array.get((int) index);
            }
            case "States.ArrayLength":
                return Json.NODES.numberNode(array(name, v, 0).size());
            case "States.ArrayUnique": {
                ArrayNode result = Json.NODES.arrayNode();
                for (JsonNode item : array(name, v, 0)) {
                    boolean seen = false;
                    for (JsonNode kept : result) {
                        if (Json.sameValue(kept, item)) {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen) {
                        result.add(item);
                    }
                }
                return result;
            }
            case "States.Base64Encode": {
                String text = limited(name, string(name, v, 0));
                return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
            }
            case "States.Base64Decode": {
                String text = limited(name, string(name, v, 0));
                try {
                    return Json.NODES.textNode(new String(Base64.getMimeDecoder().decode(strictBase64(name, text)),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new Failure(name + ": the argument is not Base64: " + e.getMessage());
                }
            }
            case "States.Hash": {
                JsonNode data = v.get(0);
                String text = limited(name, data.isTextual() ? data.textValue() : Json.write(data));
                String algorithm = HASH_ALGORITHMS.get(string(name, v, 1));
                if (algorithm == null) {
                    throw new Failure(name + ": unsupported algorithm '" + v.get(1).asText()
                            + "' (MD5, SHA-1, SHA-256, SHA-384 or SHA-512)");
                }
                try {
                    byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
                    return Json.NODES.textNode(HexFormat.of().formatHex(digest));
                } catch (NoSuchAlgorithmException e) {
                    throw new Failure(name + ": " + e.getMessage());
                }
            }
            case "States.JsonMerge": {
                ObjectNode left = object(name, v, 0);
                ObjectNode right = object(name, v, 1);
                if (!v.get(2).isBoolean()) {
                    throw new Failure(name + ": the third argument must be a boolean, not " + Json.typeOf(v.get(2)));
                }
                ObjectNode merged = left.deepCopy();
                merge(merged, right, v.get(2).booleanValue());
                return merged;
            }
            case "States.MathRandom": {
                long start = integer(name, v, 0);
                long end = integer(name, v, 1);
                if (end <= start) {
                    throw new Failure(name + ": the end (" + end + ") must be greater than the start (" + start + ")");
                }
                long bound = end - start;
                long r = v.size() == 3 ? Math.floorMod(new Random(integer(name, v, 2)).nextLong(), bound)
                        : ThreadLocalRandom.current().nextLong(bound);
                return Json.integer(start + r);
            }
            case "States.MathAdd": {
                long a = int32(name, v, 0);
                long b = int32(name, v, 1);
                return Json.integer(a + b);
            }
            case "States.StringSplit": {
                String text = string(name, v, 0);
                String delimiters = string(name, v, 1);
                ArrayNode result = Json.NODES.arrayNode();
                StringBuilder token = new StringBuilder();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (delimiters.indexOf(c) >= 0) {
                        if (token.length() > 0) {
                            result.add(token.toString());
                        }
                        token.setLength(0);
                    } else {
                        token.append(c);
                    }
                }
                if (token.length() > 0) {
                    result.add(token.toString());
                }
                return result;
            }
            case "States.UUID":
                return Json.NODES.textNode(UUID.randomUUID().toString());
            default:
                throw new Failure("unknown intrinsic function " + name);
        }
    }

    private static JsonNode format(Call call, List<JsonNode> v) {
        Arg templateArg = call.args().get(0);
        List<String> segments;
        if (templateArg instanceof Literal literal && literal.template() != null) {
            segments = literal.template();
        } else {
            segments = placeholders(string(call.name(), v, 0));
        }
        int expected = segments.size() - 1;
        if (expected != v.size() - 1) {
            throw new Failure("States.Format: the template has " + expected + " placeholder(s) but "
                    + (v.size() - 1) + " argument(s) follow it");
        }
        StringBuilder out = new StringBuilder(segments.get(0));
        for (int i = 1; i < segments.size(); i++) {
            JsonNode value = v.get(i);
            if (value.isContainerNode()) {
                throw new Failure("States.Format: argument " + (i + 1) + " is an " + Json.typeOf(value)
                        + "; only strings, numbers, booleans and null can be formatted");
            }
            out.append(Json.naturalText(value)).append(segments.get(i));
        }
        return Json.NODES.textNode(out.toString());
    }

    private static List<String> placeholders(String template) {
        List<String> segments = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = template.indexOf("{}", from)) >= 0) {
            segments.add(template.substring(from, at));
            from = at + 2;
        }
        segments.add(template.substring(from));
        return segments;
    }

    private static void merge(ObjectNode target, ObjectNode source, boolean deep) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (deep && existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), true);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String strictBase64(String name, String text) {
        String compact = text.replaceAll("\\s", "");
        if (!compact.matches("[A-Za-z0-9+/]*={0,2}") || compact.length() % 4 == 1) {
            throw new Failure(name + ": the argument is not Base64");
        }
        return compact;
    }

    private static String limited(String name, String text) {
        if (text.length() > MAX_STRING) {
            throw new Failure(name + ": the input has " + text.length() + " characters, more than " + MAX_STRING);
        }
        return text;
    }

    private static String string(String name, List<JsonNode> v, int i) {
        JsonNode value = v.get(i);
        if (!value.isTextual()) {
            throw new Failure(name + ": argument " + (i + 1) + " must be a string, not " + Json.typeOf(value));
        }
        return value.textValue();
    }

    private static ArrayNode array(String name, List<JsonNode> v, int i) {
        JsonNode value = v.get(i);
        if (!value.isArray()) {
            throw new Failure(name + ": argument " + (i + 1) + " must be an array, not " + Json.typeOf(value));
        }
        return (ArrayNode) value;
    }

    private static ObjectNode object(String name, List<JsonNode> v, int i) {
        JsonNode value = v.get(i);
        if (!value.isObject()) {
            throw new Failure(name + ": argument " + (i + 1) + " must be an object, not " + Json.typeOf(value));
        }
        return (ObjectNode) value;
    }

    /** An integer argument; AWS rounds a non-integer number to the nearest integer. */
    private static long integer(String name, List<JsonNode> v, int i) {
        JsonNode value = v.get(i);
        if (!value.isNumber()) {
            throw new Failure(name + ": argument " + (i + 1) + " must be an integer, not " + Json.typeOf(value));
        }
        BigDecimal rounded = Json.decimal(value).setScale(0, RoundingMode.HALF_UP);
        try {
            return rounded.longValueExact();
        } catch (ArithmeticException e) {
            throw new Failure(name + ": argument " + (i + 1) + " is out of range: " + rounded);
        }
    }

    private static long int32(String name, List<JsonNode> v, int i) {
        long value = integer(name, v, i);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new Failure(name + ": argument " + (i + 1) + " is outside -2147483648..2147483647: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
