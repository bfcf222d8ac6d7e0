package com.sparkify.dwh.local.states;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a definition against the States Language (JSONPath query language). Anything the
 * executor does not support (JSONata, variables, Distributed Map, heartbeats, ...) is refused here, with
 * the state's name and the feature, rather than ignored at run time.
 */
final class DefinitionParser {
    /** Fields of the specification (or of AWS) that this executor deliberately does not implement. */
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("Assign", "variables (Assign)"),
            Map.entry("Arguments", "JSONata Arguments"),
            Map.entry("Output", "JSONata Output"),
            Map.entry("Items", "JSONata Items"),
            Map.entry("Credentials", "Task Credentials"),
            Map.entry("HeartbeatSeconds", "HeartbeatSeconds (heartbeats)"),
            Map.entry("HeartbeatSecondsPath", "HeartbeatSecondsPath (heartbeats)"),
            Map.entry("ItemReader", "Distributed Map ItemReader"),
            Map.entry("ItemBatcher", "Distributed Map ItemBatcher"),
            Map.entry("ResultWriter", "Distributed Map ResultWriter"),
            Map.entry("ToleratedFailurePercentage", "Map ToleratedFailurePercentage"),
            Map.entry("ToleratedFailurePercentagePath", "Map ToleratedFailurePercentagePath"),
            Map.entry("ToleratedFailureCount", "Map ToleratedFailureCount"),
            Map.entry("ToleratedFailureCountPath", "Map ToleratedFailureCountPath"),
            Map.entry("Label", "Distributed Map Label"));

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("InputPath", "OutputPath", "Parameters", "Result", "ResultPath", "Next", "End"),
            "Task", Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Resource",
                    "TimeoutSeconds", "TimeoutSecondsPath", "Retry", "Catch", "Next", "End"),
            "Choice", Set.of("InputPath", "OutputPath", "Choices", "Default"),
            "Wait", Set.of("InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp", "TimestampPath",
                    "Next", "End"),
            "Succeed", Set.of("InputPath", "OutputPath"),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel", Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Branches",
                    "Retry", "Catch", "Next", "End"),
            "Map", Set.of("InputPath", "OutputPath", "ItemsPath", "ItemSelector", "Parameters", "ItemProcessor",
                    "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ResultSelector", "ResultPath", "Retry",
                    "Catch", "Next", "End"));
    private static final Set<String> ALL_STATE_FIELDS;

    static {
        Set<String> all = new HashSet<>(COMMON);
        FIELDS.values().forEach(all::addAll);
        ALL_STATE_FIELDS = Set.copyOf(all);
    }

    private final Set<String> allNames = new HashSet<>();

    record Parsed(String comment, Integer timeoutSeconds, Model.Block block) {
    }

    static Parsed parse(String definitionJson) {
        if (definitionJson == null) {
            throw new DefinitionException("the definition is null");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(definitionJson);
        } catch (JsonProcessingException e) {
            throw new DefinitionException("the definition is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DefinitionException("the definition must be a JSON object");
        }
        return new DefinitionParser().top(root);
    }

    private Parsed top(JsonNode root) {
        String where = "state machine";
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            if (!Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage").contains(key)) {
                throw new DefinitionException(where + ": unknown top-level field \"" + key + "\"");
            }
        }
        queryLanguage(root, where);
        if (root.has("Version") && !"1.0".equals(root.get("Version").asText(null))) {
            throw new DefinitionException(where + ": Version must be \"1.0\", not " + root.get("Version"));
        }
        String comment = optionalString(root, "Comment", where);
        Integer timeout = root.has("TimeoutSeconds") ? positiveInt(root.get("TimeoutSeconds"), where, "TimeoutSeconds")
                : null;
        return new Parsed(comment, timeout, block(root, where, Set.of("Comment", "StartAt", "States", "Version",
                "TimeoutSeconds", "QueryLanguage")));
    }

    private static void queryLanguage(JsonNode node, String where) {
        JsonNode ql = node.get("QueryLanguage");
        if (ql == null) {
            return;
        }
        if (!ql.isTextual()) {
            throw new DefinitionException(where + ": QueryLanguage must be a string");
        }
        if (ql.textValue().equals("JSONata")) {
            throw new DefinitionException(where + ": QueryLanguage \"JSONata\" is not supported by this executor"
                    + " (JSONPath only)");
        }
        if (!ql.textValue().equals("JSONPath")) {
            throw new DefinitionException(where + ": unknown QueryLanguage \"" + ql.textValue() + "\"");
        }
    }

    private Model.Block block(JsonNode node, String where, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw new DefinitionException(where + ": unknown field \"" + field.getKey() + "\"");
            }
        }
        JsonNode startAt = node.get("StartAt");
        if (startAt == null || !startAt.isTextual()) {
            throw new DefinitionException(where + ": \"StartAt\" must be a string naming a state");
        }
        JsonNode states = node.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            throw new DefinitionException(where + ": \"States\" must be a non-empty object");
        }
        Map<String, Model.State> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : states.properties()) {
            String name = entry.getKey();
            if (name.isEmpty() || name.codePointCount(0, name.length()) > 80) {
                throw new DefinitionException("state '" + name + "': a state name must have 1 to 80 characters");
            }
            if (!allNames.add(name)) {
                throw new DefinitionException("state '" + name + "': the name is used twice; state names must be"
                        + " unique within the whole state machine");
            }
            parsed.put(name, state(name, entry.getValue()));
        }
        if (!parsed.containsKey(startAt.textValue())) {
            throw new DefinitionException(where + ": StartAt \"" + startAt.textValue()
                    + "\" does not name a state of this States object");
        }
        for (Model.State state : parsed.values()) {
            for (String target : targets(state)) {
                if (!parsed.containsKey(target)) {
                    throw new DefinitionException("state '" + state.name() + "': transition to \"" + target
                            + "\", which is not a state of the same States object");
                }
            }
        }
        return new Model.Block(startAt.textValue(), Collections.unmodifiableMap(parsed));
    }

    private static List<String> targets(Model.State state) {
        List<String> targets = new ArrayList<>();
        if (state instanceof Model.Choice choice) {
            targets.addAll(choice.nexts());
            if (choice.defaultNext() != null) {
                targets.add(choice.defaultNext());
            }
            return targets;
        }
        Model.Transition transition = null;
        if (state instanceof Model.Pass p) {
            transition = p.transition();
        } else if (state instanceof Model.Wait w) {
            transition = w.transition();
        } else if (state instanceof Model.Working w) {
            transition = w.transition();
        }
        if (transition != null && transition.next() != null) {
            targets.add(transition.next());
        }
        if (state instanceof Model.Working working) {
            working.catchers().forEach(c -> targets.add(c.next()));
        }
        return targets;
    }

    private Model.State state(String name, JsonNode node) {
        String where = "state '" + name + "'";
        if (!node.isObject()) {
            throw new DefinitionException(where + ": a state must be a JSON object");
        }
        JsonNode typeNode = node.get("Type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new DefinitionException(where + ": \"Type\" is required");
        }
        String type = typeNode.textValue();
        Set<String> fields = FIELDS.get(type);
        if (fields == null) {
            throw new DefinitionException(where + ": unknown Type \"" + type + "\"");
        }
        where = "state '" + name + "' (" + type + ")";
        queryLanguage(node, where);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (COMMON.contains(key) || fields.contains(key)) {
                continue;
            }
            if (UNSUPPORTED.containsKey(key)) {
                throw new DefinitionException(where + ": " + UNSUPPORTED.get(key) + " is not supported by this executor");
            }
            if (ALL_STATE_FIELDS.contains(key)) {
                throw new DefinitionException(where + ": field \"" + key + "\" is not allowed in a " + type + " state");
            }
            throw new DefinitionException(where + ": unknown field \"" + key + "\"");
        }
        optionalString(node, "Comment", where);
        try {
            return switch (type) {
                case "Pass" -> new Model.Pass(name, ioPath(node, "InputPath", where), ioPath(node, "OutputPath", where),
                        template(node, "Parameters", where), node.get("Result"), resultPath(node, where),
                        transition(node, where));
                case "Task" -> task(name, node, where);
                case "Choice" -> choice(name, node, where);
                case "Wait" -> waitState(name, node, where);
                case "Succeed" -> new Model.Succeed(name, ioPath(node, "InputPath", where),
                        ioPath(node, "OutputPath", where));
                case "Fail" -> fail(name, node, where);
                case "Parallel" -> parallel(name, node, where);
                case "Map" -> map(name, node, where);
                default -> throw new IllegalStateException(type);
            };
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(where + ": " + e.getMessage(), e);
        }
    }

    private Model.Task task(String name, JsonNode node, String where) {
        JsonNode resource = node.get("Resource");
        if (resource == null || !resource.isTextual() || resource.textValue().isEmpty()) {
            throw new DefinitionException(where + ": \"Resource\" must be a non-empty string");
        }
        if (resource.textValue().endsWith(".waitForTaskToken")) {
            throw new DefinitionException(where + ": the callback pattern (.waitForTaskToken) is not supported by"
                    + " this executor");
        }
        if (node.has("TimeoutSeconds") && node.has("TimeoutSecondsPath")) {
            throw new DefinitionException(where + ": TimeoutSeconds and TimeoutSecondsPath are mutually exclusive");
        }
        Integer timeout = node.has("TimeoutSeconds") ? positiveInt(node.get("TimeoutSeconds"), where, "TimeoutSeconds")
                : null;
        JsonPathExpr timeoutPath = node.has("TimeoutSecondsPath")
                ? referencePath(node.get("TimeoutSecondsPath"), where, "TimeoutSecondsPath") : null;
        return new Model.Task(name, ioPath(node, "InputPath", where), ioPath(node, "OutputPath", where),
                resource.textValue(), template(node, "Parameters", where), template(node, "ResultSelector", where),
                resultPath(node, where), timeout, timeoutPath, retriers(node, where), catchers(node, where),
                transition(node, where));
    }

    private Model.Choice choice(String name, JsonNode node, String where) {
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new DefinitionException(where + ": \"Choices\" must be a non-empty array of Choice Rules");
        }
        List<ChoiceRule> rules = new ArrayList<>();
        List<String> nexts = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            rules.add(ChoiceRule.parse(choices.get(i), true, "Choices[" + i + "]"));
            nexts.add(choices.get(i).get("Next").textValue());
        }
        String defaultNext = optionalString(node, "Default", where);
        return new Model.Choice(name, ioPath(node, "InputPath", where), ioPath(node, "OutputPath", where),
                List.copyOf(rules), List.copyOf(nexts), defaultNext);
    }

    private Model.Wait waitState(String name, JsonNode node, String where) {
        int count = 0;
        for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            if (node.has(f)) {
                count++;
            }
        }
        if (count != 1) {
            throw new DefinitionException(where + ": exactly one of Seconds, SecondsPath, Timestamp, TimestampPath"
                    + " is required");
        }
        Long seconds = null;
        if (node.has("Seconds")) {
            JsonNode s = node.get("Seconds");
            if (!s.isIntegralNumber() || s.asLong() < 0) {
                throw new DefinitionException(where + ": Seconds must be a non-negative integer");
            }
            seconds = s.asLong();
        }
        String timestamp = null;
        if (node.has("Timestamp")) {
            JsonNode t = node.get("Timestamp");
            if (!t.isTextual() || Timestamps.parse(t.textValue()) == null) {
                throw new DefinitionException(where + ": Timestamp must be an RFC 3339 timestamp such as"
                        + " \"2016-03-14T01:59:00Z\"");
            }
            timestamp = t.textValue();
        }
        return new Model.Wait(name, ioPath(node, "InputPath", where), ioPath(node, "OutputPath", where), seconds,
                node.has("SecondsPath") ? referencePath(node.get("SecondsPath"), where, "SecondsPath") : null,
                timestamp,
                node.has("TimestampPath") ? referencePath(node.get("TimestampPath"), where, "TimestampPath") : null,
                transition(node, where));
    }

    private Model.Fail fail(String name, JsonNode node, String where) {
        if (node.has("Error") && node.has("ErrorPath")) {
            throw new DefinitionException(where + ": Error and ErrorPath are mutually exclusive");
        }
        if (node.has("Cause") && node.has("CausePath")) {
            throw new DefinitionException(where + ": Cause and CausePath are mutually exclusive");
        }
        String error = optionalString(node, "Error", where);
        String cause = optionalString(node, "Cause", where);
        JsonPathExpr errorPath = null;
        Intrinsic errorCall = null;
        JsonPathExpr causePath = null;
        Intrinsic causeCall = null;
        if (node.has("ErrorPath")) {
            Object p = pathOrIntrinsic(node.get("ErrorPath"), where, "ErrorPath");
            errorPath = p instanceof JsonPathExpr e ? e : null;
            errorCall = p instanceof Intrinsic i ? i : null;
        }
        if (node.has("CausePath")) {
            Object p = pathOrIntrinsic(node.get("CausePath"), where, "CausePath");
            causePath = p instanceof JsonPathExpr e ? e : null;
            causeCall = p instanceof Intrinsic i ? i : null;
        }
        return new Model.Fail(name, error, errorPath, errorCall, cause, causePath, causeCall);
    }

    private Object pathOrIntrinsic(JsonNode node, String where, String field) {
        if (!node.isTextual()) {
            throw new DefinitionException(where + ": " + field + " must be a Reference Path or an Intrinsic Function");
        }
        if (node.textValue().startsWith("$")) {
            return referencePath(node, where, field);
        }
        try {
            return Intrinsic.parse(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(where + ": " + field + ": " + e.getMessage(), e);
        }
    }

    private Model.Parallel parallel(String name, JsonNode node, String where) {
        JsonNode branches = node.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            throw new DefinitionException(where + ": \"Branches\" must be a non-empty array");
        }
        List<Model.Block> blocks = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            if (!branch.isObject()) {
                throw new DefinitionException(where + ": Branches[" + i + "] must be an object");
            }
            blocks.add(block(branch, where + " Branches[" + i + "]", Set.of("StartAt", "States", "Comment")));
        }
        return new Model.Parallel(name, ioPath(node, "InputPath", where), ioPath(node, "OutputPath", where),
                List.copyOf(blocks), template(node, "Parameters", where), template(node, "ResultSelector", where),
                resultPath(node, where), retriers(node, where), catchers(node, where), transition(node, where));
    }

    private Model.MapState map(String name, JsonNode node, String where) {
        if (node.has("ItemProcessor") == node.has("Iterator")) {
            throw new DefinitionException(where + ": exactly one of ItemProcessor and (deprecated) Iterator is required");
        }
        if (node.has("ItemSelector") && node.has("Parameters")) {
            throw new DefinitionException(where + ": ItemSelector and (deprecated) Parameters are mutually exclusive");
        }
        if (node.has("MaxConcurrency") && node.has("MaxConcurrencyPath")) {
            throw new DefinitionException(where + ": MaxConcurrency and MaxConcurrencyPath are mutually exclusive");
        }
        Model.Block processor;
        if (node.has("ItemProcessor")) {
            JsonNode ip = node.get("ItemProcessor");
            if (!ip.isObject()) {
                throw new DefinitionException(where + ": ItemProcessor must be an object");
            }
            JsonNode config = ip.get("ProcessorConfig");
            if (config != null) {
                if (!config.isObject()) {
                    throw new DefinitionException(where + ": ProcessorConfig must be an object");
                }
                JsonNode mode = config.get("Mode");
                if (mode != null && !"INLINE".equals(mode.asText())) {
                    throw new DefinitionException(where + ": ProcessorConfig Mode " + mode
                            + " is not supported by this executor (Distributed Map); only INLINE");
                }
                for (Map.Entry<String, JsonNode> f : config.properties()) {
                    if (!f.getKey().equals("Mode")) {
                        throw new DefinitionException(where + ": ProcessorConfig." + f.getKey()
                                + " is not supported by this executor (inline Map only)");
                    }
                }
            }
            processor = block(ip, where + " ItemProcessor", Set.of("StartAt", "States", "Comment", "ProcessorConfig"));
        } else {
            JsonNode it = node.get("Iterator");
            if (!it.isObject()) {
                throw new DefinitionException(where + ": Iterator must be an object");
            }
            processor = block(it, where + " Iterator", Set.of("StartAt", "States", "Comment"));
        }
        Integer maxConcurrency = null;
        if (node.has("MaxConcurrency")) {
            JsonNode mc = node.get("MaxConcurrency");
            if (!mc.isIntegralNumber() || mc.asLong() < 0 || mc.asLong() > Integer.MAX_VALUE) {
                throw new DefinitionException(where + ": MaxConcurrency must be a non-negative integer");
            }
            maxConcurrency = mc.asInt();
        }
        PayloadTemplate selector = node.has("ItemSelector") ? template(node, "ItemSelector", where)
                : template(node, "Parameters", where);
        return new Model.MapState(name, ioPath(node, "InputPath", where), ioPath(node, "OutputPath", where),
                node.has("ItemsPath") ? referencePath(node.get("ItemsPath"), where, "ItemsPath") : null,
                selector, processor, maxConcurrency,
                node.has("MaxConcurrencyPath") ? referencePath(node.get("MaxConcurrencyPath"), where,
                        "MaxConcurrencyPath") : null,
                template(node, "ResultSelector", where), resultPath(node, where), retriers(node, where),
                catchers(node, where), transition(node, where));
    }

    // ---------------------------------------------------------------- fields

    private static Model.Transition transition(JsonNode node, String where) {
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        if (end != null && !end.isBoolean()) {
            throw new DefinitionException(where + ": End must be a boolean");
        }
        boolean isEnd = end != null && end.booleanValue();
        if (isEnd && next != null) {
            throw new DefinitionException(where + ": a state cannot have both \"Next\" and \"End\": true");
        }
        if (!isEnd && (next == null || !next.isTextual())) {
            throw new DefinitionException(where + ": a non-terminal state needs a string \"Next\" (or \"End\": true)");
        }
        return new Model.Transition(isEnd ? null : next.textValue(), isEnd);
    }

    private static Model.IoPath ioPath(JsonNode node, String field, String where) {
        if (!node.has(field)) {
            return Model.IoPath.DEFAULT;
        }
        JsonNode value = node.get(field);
        if (value.isNull()) {
            return Model.IoPath.DISCARD;
        }
        return new Model.IoPath(path(value, where, field));
    }

    private static Model.ResultPath resultPath(JsonNode node, String where) {
        if (!node.has("ResultPath")) {
            return Model.ResultPath.DEFAULT;
        }
        JsonNode value = node.get("ResultPath");
        if (value.isNull()) {
            return Model.ResultPath.DISCARD;
        }
        return new Model.ResultPath(resultReferencePath(value, where, "ResultPath"));
    }

    private static JsonPathExpr resultReferencePath(JsonNode value, String where, String field) {
        JsonPathExpr path = referencePath(value, where, field);
        if (path.isContextPath()) {
            throw new DefinitionException(where + ": " + field + " must not begin with \"$$\"");
        }
        return path;
    }

    private static JsonPathExpr path(JsonNode value, String where, String field) {
        if (!value.isTextual()) {
            throw new DefinitionException(where + ": " + field + " must be a string Path (or null)");
        }
        try {
            return JsonPathExpr.compile(value.textValue());
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(where + ": " + field + ": " + e.getMessage(), e);
        }
    }

    private static JsonPathExpr referencePath(JsonNode value, String where, String field) {
        JsonPathExpr path = path(value, where, field);
        if (!path.isReferencePath()) {
            throw new DefinitionException(where + ": " + field + " must be a Reference Path (a single node, no"
                    + " wildcards, filters, slices or unions): " + value.textValue());
        }
        return path;
    }

    private static PayloadTemplate template(JsonNode node, String field, String where) {
        if (!node.has(field)) {
            return null;
        }
        try {
            return PayloadTemplate.compile(field, node.get(field));
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<Model.Retrier> retriers(JsonNode node, String where) {
        JsonNode retry = node.get("Retry");
        if (retry == null) {
            return List.of();
        }
        if (!retry.isArray()) {
            throw new DefinitionException(where + ": Retry must be an array of Retriers");
        }
        List<Model.Retrier> retriers = new ArrayList<>();
        for (int i = 0; i < retry.size(); i++) {
            String at = where + " Retry[" + i + "]";
            JsonNode r = retry.get(i);
            if (!r.isObject()) {
                throw new DefinitionException(at + " must be an object");
            }
            for (Map.Entry<String, JsonNode> f : r.properties()) {
                if (!Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                        "JitterStrategy", "Comment").contains(f.getKey())) {
                    throw new DefinitionException(at + ": unknown field \"" + f.getKey() + "\"");
                }
            }
            List<String> errors = errorEquals(r, at, i == retry.size() - 1);
            int interval = r.has("IntervalSeconds") ? positiveInt(r.get("IntervalSeconds"), at, "IntervalSeconds") : 1;
            int maxAttempts = 3;
            if (r.has("MaxAttempts")) {
                JsonNode m = r.get("MaxAttempts");
                if (!m.isIntegralNumber() || m.asLong() < 0 || m.asLong() > Integer.MAX_VALUE) {
                    throw new DefinitionException(at + ": MaxAttempts must be a non-negative integer");
                }
                maxAttempts = m.asInt();
            }
            double backoff = 2.0;
            if (r.has("BackoffRate")) {
                JsonNode b = r.get("BackoffRate");
                if (!b.isNumber() || b.asDouble() < 1.0) {
                    throw new DefinitionException(at + ": BackoffRate must be a number greater than or equal to 1.0");
                }
                backoff = b.asDouble();
            }
            Integer maxDelay = r.has("MaxDelaySeconds") ? positiveInt(r.get("MaxDelaySeconds"), at, "MaxDelaySeconds")
                    : null;
            Model.Jitter jitter = Model.Jitter.NONE;
            if (r.has("JitterStrategy")) {
                String j = r.get("JitterStrategy").asText("");
                if (!j.equals("FULL") && !j.equals("NONE")) {
                    throw new DefinitionException(at + ": JitterStrategy " + r.get("JitterStrategy")
                            + " is not supported (FULL or NONE)");
                }
                jitter = Model.Jitter.valueOf(j);
            }
            retriers.add(new Model.Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter));
        }
        return List.copyOf(retriers);
    }

    private static List<Model.Catcher> catchers(JsonNode node, String where) {
        JsonNode c = node.get("Catch");
        if (c == null) {
            return List.of();
        }
        if (!c.isArray()) {
            throw new DefinitionException(where + ": Catch must be an array of Catchers");
        }
        List<Model.Catcher> catchers = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            String at = where + " Catch[" + i + "]";
            JsonNode catcher = c.get(i);
            if (!catcher.isObject()) {
                throw new DefinitionException(at + " must be an object");
            }
            for (Map.Entry<String, JsonNode> f : catcher.properties()) {
                String key = f.getKey();
                if (key.equals("Assign") || key.equals("Output")) {
                    throw new DefinitionException(at + ": " + UNSUPPORTED.get(key) + " is not supported by this executor");
                }
                if (!Set.of("ErrorEquals", "Next", "ResultPath", "Comment").contains(key)) {
                    throw new DefinitionException(at + ": unknown field \"" + key + "\"");
                }
            }
            List<String> errors = errorEquals(catcher, at, i == c.size() - 1);
            JsonNode next = catcher.get("Next");
            if (next == null || !next.isTextual()) {
                throw new DefinitionException(at + ": \"Next\" must be a string naming a state");
            }
            catchers.add(new Model.Catcher(errors, next.textValue(), resultPath(catcher, at)));
        }
        return List.copyOf(catchers);
    }

    private static List<String> errorEquals(JsonNode node, String where, boolean last) {
        JsonNode errors = node.get("ErrorEquals");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            throw new DefinitionException(where + ": ErrorEquals must be a non-empty array of error names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode e : errors) {
            if (!e.isTextual() || e.textValue().isEmpty()) {
                throw new DefinitionException(where + ": ErrorEquals must contain only non-empty strings");
            }
            String name = e.textValue();
            if (name.startsWith("States.") && !StatesErrors.KNOWN.contains(name)) {
                throw new DefinitionException(where + ": unknown error name \"" + name
                        + "\" (names beginning with \"States.\" are reserved for the predefined errors)");
            }
            names.add(name);
        }
        if (names.contains(StatesErrors.ALL)) {
            if (names.size() != 1) {
                throw new DefinitionException(where + ": States.ALL must appear alone in ErrorEquals");
            }
            if (!last) {
                throw new DefinitionException(where + ": States.ALL must appear in the last "
                        + (where.contains("Retry") ? "Retrier" : "Catcher"));
            }
        }
        return List.copyOf(names);
    }

    private static Integer positiveInt(JsonNode value, String where, String field) {
        if (value == null || !value.isIntegralNumber() || value.asLong() <= 0 || value.asLong() > Integer.MAX_VALUE) {
            throw new DefinitionException(where + ": " + field + " must be a positive integer");
        }
        return value.asInt();
    }

    private static String optionalString(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DefinitionException(where + ": " + field + " must be a string");
        }
        return value.textValue();
    }
}
