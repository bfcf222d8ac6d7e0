package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSONPath Choice Rule: a Boolean Expression (And, Or, Not) or a Data-test Expression (a Variable and
 * exactly one comparison operator).
 */
abstract sealed class ChoiceRule {

    /** Thrown by {@link #evaluate} when a path selects nothing (a States.Runtime error). */
    static final class InvalidPath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidPath(String message) {
            super(message, null, false, false);
        }
    }

    abstract boolean evaluate(JsonNode input, JsonNode context);

    // ---------------------------------------------------------------- parsing

    private static final Set<String> BOOLEAN_KEYS = Set.of("And", "Or", "Not");

    /**
     * Parses a rule.
     *
     * @param topLevel a member of "Choices" (has "Next"); nested rules must not
     * @throws IllegalArgumentException describing what is wrong
     */
    static ChoiceRule parse(JsonNode rule, boolean topLevel, String where) {
        if (rule == null || !rule.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        List<String> expressionKeys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : rule.properties()) {
            String key = field.getKey();
            if (key.equals("Next")) {
                if (!topLevel) {
                    throw new IllegalArgumentException(where + " is nested inside And/Or/Not and must not have \"Next\"");
                }
                continue;
            }
            if (key.equals("Comment")) {
                continue;
            }
            if (key.equals("Assign") || key.equals("Output") || key.equals("Condition")) {
                throw new IllegalArgumentException(where + ": \"" + key
                        + "\" (JSONata/variables) is not supported by this executor");
            }
            expressionKeys.add(key);
        }
        if (topLevel && !rule.path("Next").isTextual()) {
            throw new IllegalArgumentException(where + " must have a string \"Next\"");
        }
        boolean isBoolean = expressionKeys.stream().anyMatch(BOOLEAN_KEYS::contains);
        if (isBoolean) {
            if (expressionKeys.size() != 1) {
                throw new IllegalArgumentException(where + " mixes " + expressionKeys
                        + "; a Boolean Expression has exactly one of And, Or, Not");
            }
            String key = expressionKeys.get(0);
            JsonNode value = rule.get(key);
            if (key.equals("Not")) {
                return new Not(parse(value, false, where + ".Not"));
            }
            if (!value.isArray() || value.isEmpty()) {
                throw new IllegalArgumentException(where + "." + key + " must be a non-empty array of Choice Rules");
            }
            List<ChoiceRule> rules = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                rules.add(parse(value.get(i), false, where + "." + key + "[" + i + "]"));
            }
            return key.equals("And") ? new And(List.copyOf(rules)) : new Or(List.copyOf(rules));
        }
        if (!expressionKeys.remove("Variable")) {
            throw new IllegalArgumentException(where + " has neither \"Variable\" nor And/Or/Not");
        }
        JsonNode variableNode = rule.get("Variable");
        if (!variableNode.isTextual()) {
            throw new IllegalArgumentException(where + ".Variable must be a string Path");
        }
        JsonPathExpr variable = path(variableNode.textValue(), where + ".Variable");
        if (expressionKeys.size() != 1) {
            throw new IllegalArgumentException(where + " must have exactly one comparison operator, found "
                    + expressionKeys);
        }
        String operatorName = expressionKeys.get(0);
        Operator operator = Operator.byName(operatorName);
        if (operator == null) {
            throw new IllegalArgumentException(where + ": unknown comparison operator \"" + operatorName + "\"");
        }
        JsonNode operand = rule.get(operatorName);
        String at = where + "." + operatorName;
        if (operator.path) {
            if (!operand.isTextual()) {
                throw new IllegalArgumentException(at + " must be a string Path");
            }
            return new DataTest(variable, operator, null, path(operand.textValue(), at), null);
        }
        switch (operator.kind) {
            case STRING, MATCHES -> {
                if (!operand.isTextual()) {
                    throw new IllegalArgumentException(at + " must be a string");
                }
            }
            case NUMERIC -> {
                if (!operand.isNumber()) {
                    throw new IllegalArgumentException(at + " must be a number");
                }
            }
            case BOOLEAN, TYPE_TEST -> {
                if (!operand.isBoolean()) {
                    throw new IllegalArgumentException(at + " must be a boolean");
                }
            }
            case TIMESTAMP -> {
                if (!operand.isTextual() || Timestamps.parse(operand.textValue()) == null) {
                    throw new IllegalArgumentException(at + " must be a timestamp such as \"2016-03-14T01:59:00Z\"");
                }
            }
            default -> throw new IllegalStateException();
        }
        Pattern pattern = operator.kind == Kind.MATCHES ? wildcard(operand.textValue(), at) : null;
        return new DataTest(variable, operator, operand, null, pattern);
    }

    private static JsonPathExpr path(String text, String where) {
        try {
            return JsonPathExpr.compile(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * StringMatches: "*" matches zero or more characters; "\*" is a literal "*", "\\" a literal "\"; any
     * other backslash is an open escape, which the specification makes an error.
     */
    static Pattern wildcard(String value, String where) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length() || (value.charAt(i + 1) != '*' && value.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException(where + ": open escape '\\' in \"" + value
                            + "\" (only \\* and \\\\ are escapes)");
                }
                regex.append(Pattern.quote(String.valueOf(value.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    // ---------------------------------------------------------------- rules

    static final class And extends ChoiceRule {
        private final List<ChoiceRule> rules;

        And(List<ChoiceRule> rules) {
            this.rules = rules;
        }

        @Override
        boolean evaluate(JsonNode input, JsonNode context) {
            for (ChoiceRule rule : rules) {
                if (!rule.evaluate(input, context)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class Or extends ChoiceRule {
        private final List<ChoiceRule> rules;

        Or(List<ChoiceRule> rules) {
            this.rules = rules;
        }

        @Override
        boolean evaluate(JsonNode input, JsonNode context) {
            for (ChoiceRule rule : rules) {
                if (rule.evaluate(input, context)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Not extends ChoiceRule {
        private final ChoiceRule rule;

        Not(ChoiceRule rule) {
            this.rule = rule;
        }

        @Override
        boolean evaluate(JsonNode input, JsonNode context) {
            return !rule.evaluate(input, context);
        }
    }

    enum Kind { STRING, MATCHES, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

    enum Operator {
        StringEquals(Kind.STRING, false), StringEqualsPath(Kind.STRING, true),
        StringLessThan(Kind.STRING, false), StringLessThanPath(Kind.STRING, true),
        StringGreaterThan(Kind.STRING, false), StringGreaterThanPath(Kind.STRING, true),
        StringLessThanEquals(Kind.STRING, false), StringLessThanEqualsPath(Kind.STRING, true),
        StringGreaterThanEquals(Kind.STRING, false), StringGreaterThanEqualsPath(Kind.STRING, true),
        StringMatches(Kind.MATCHES, false),
        NumericEquals(Kind.NUMERIC, false), NumericEqualsPath(Kind.NUMERIC, true),
        NumericLessThan(Kind.NUMERIC, false), NumericLessThanPath(Kind.NUMERIC, true),
        NumericGreaterThan(Kind.NUMERIC, false), NumericGreaterThanPath(Kind.NUMERIC, true),
        NumericLessThanEquals(Kind.NUMERIC, false), NumericLessThanEqualsPath(Kind.NUMERIC, true),
        NumericGreaterThanEquals(Kind.NUMERIC, false), NumericGreaterThanEqualsPath(Kind.NUMERIC, true),
        BooleanEquals(Kind.BOOLEAN, false), BooleanEqualsPath(Kind.BOOLEAN, true),
        TimestampEquals(Kind.TIMESTAMP, false), TimestampEqualsPath(Kind.TIMESTAMP, true),
        TimestampLessThan(Kind.TIMESTAMP, false), TimestampLessThanPath(Kind.TIMESTAMP, true),
        TimestampGreaterThan(Kind.TIMESTAMP, false), TimestampGreaterThanPath(Kind.TIMESTAMP, true),
        TimestampLessThanEquals(Kind.TIMESTAMP, false), TimestampLessThanEqualsPath(Kind.TIMESTAMP, true),
        TimestampGreaterThanEquals(Kind.TIMESTAMP, false), TimestampGreaterThanEqualsPath(Kind.TIMESTAMP, true),
        IsNull(Kind.TYPE_TEST, false), IsPresent(Kind.TYPE_TEST, false), IsNumeric(Kind.TYPE_TEST, false),
        IsString(Kind.TYPE_TEST, false), IsBoolean(Kind.TYPE_TEST, false), IsTimestamp(Kind.TYPE_TEST, false);

        final Kind kind;
        final boolean path;

        Operator(Kind kind, boolean path) {
            this.kind = kind;
            this.path = path;
        }

        static Operator byName(String name) {
            for (Operator op : values()) {
                if (op.name().equals(name)) {
                    return op;
                }
            }
            return null;
        }

        /** The relation part of the name: Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals. */
        boolean holds(int comparison) {
            String n = name().replace("Path", "");
            if (n.endsWith("LessThanEquals")) {
                return comparison <= 0;
            }
            if (n.endsWith("GreaterThanEquals")) {
                return comparison >= 0;
            }
            if (n.endsWith("LessThan")) {
                return comparison < 0;
            }
            if (n.endsWith("GreaterThan")) {
                return comparison > 0;
            }
            return comparison == 0;
        }
    }

    static final class DataTest extends ChoiceRule {
        private final JsonPathExpr variable;
        private final Operator operator;
        private final JsonNode operand;
        private final JsonPathExpr operandPath;
        private final Pattern pattern;

        DataTest(JsonPathExpr variable, Operator operator, JsonNode operand, JsonPathExpr operandPath, Pattern pattern) {
            this.variable = variable;
            this.operator = operator;
            this.operand = operand;
            this.operandPath = operandPath;
            this.pattern = pattern;
        }

        @Override
        boolean evaluate(JsonNode input, JsonNode context) {
            JsonNode value;
            try {
                value = variable.read(input, context);
            } catch (JsonPathExpr.NotFound e) {
                if (operator == Operator.IsPresent) {
                    // "if the Variable-field Path fails to match anything in the input no exception is thrown
                    // and the Choice Rule just returns false" (for IsPresent: true)
                    return !operand.booleanValue();
                }
                throw new InvalidPath("Invalid path '" + variable.text()
                        + "': The choice state's condition path references an invalid value.");
            }
            if (operator.kind == Kind.TYPE_TEST) {
                boolean actual = switch (operator) {
                    case IsNull -> value.isNull();
                    case IsPresent -> true;
                    case IsNumeric -> value.isNumber();
                    case IsString -> value.isTextual();
                    case IsBoolean -> value.isBoolean();
                    case IsTimestamp -> value.isTextual() && Timestamps.parse(value.textValue()) != null;
                    default -> throw new IllegalStateException();
                };
                return actual == operand.booleanValue();
            }
            JsonNode other = operand;
            if (operandPath != null) {
                try {
                    other = operandPath.read(input, context);
                } catch (JsonPathExpr.NotFound e) {
                    throw new InvalidPath("Invalid path '" + operandPath.text() + "': The choice state's "
                            + operator.name() + " path references an invalid value.");
                }
            }
            // "if the values are not both of the appropriate type ... the comparison will return false"
            switch (operator.kind) {
                case STRING:
                    return value.isTextual() && other.isTextual()
                            && operator.holds(value.textValue().compareTo(other.textValue()));
                case MATCHES:
                    return value.isTextual() && pattern.matcher(value.textValue()).matches();
                case NUMERIC: {
                    if (!value.isNumber() || !other.isNumber()) {
                        return false;
                    }
                    BigDecimal a = Json.decimal(value);
                    BigDecimal b = Json.decimal(other);
                    return operator.holds(a.compareTo(b));
                }
                case BOOLEAN:
                    return value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
                case TIMESTAMP: {
                    Instant a = value.isTextual() ? Timestamps.parse(value.textValue()) : null;
                    Instant b = other.isTextual() ? Timestamps.parse(other.textValue()) : null;
                    return a != null && b != null && operator.holds(a.compareTo(b));
                }
                default:
                    throw new IllegalStateException();
            }
        }
    }
}
