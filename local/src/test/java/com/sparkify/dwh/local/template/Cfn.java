package com.sparkify.dwh.local.template;

import com.sparkify.dwh.local.runtime.CfnYaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small accessors for a template parsed by {@link CfnYaml}: maps, lists and intrinsic functions. */
final class Cfn {

    private Cfn() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A list as is; a single value as a list of one (IAM's Action, Resource and Statement allow both). */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?>) {
            return (List<Object>) value;
        }
        return List.of(value);
    }

    /** The value at a path of mapping keys, or null when any step is missing. */
    static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> resources(Map<String, Object> template) {
        return map(template.get("Resources"));
    }

    static Map<String, Object> properties(Map<String, Object> template, String logicalId) {
        Object resource = resources(template).get(logicalId);
        if (resource == null) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return map(map(resource).get("Properties"));
    }

    /** Logical ids of the resources of one type, in template order. */
    static Map<String, Map<String, Object>> resourcesOfType(Map<String, Object> template, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources(template).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(id, map(resource));
            }
        });
        return found;
    }

    /** {@code {"Ref": "X"}} as X. */
    static Optional<String> ref(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String target) {
            return Optional.of(target);
        }
        return Optional.empty();
    }

    /** {@code {"Fn::GetAtt": ["X", "Arn"]}} as X, for the given attribute. */
    static Optional<String> getAtt(Object value, String attribute) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> args
            && args.size() == 2 && attribute.equals(args.get(1)) && args.get(0) instanceof String target) {
            return Optional.of(target);
        }
        return Optional.empty();
    }

    static boolean isNoValue(Object value) {
        return ref(value).filter("AWS::NoValue"::equals).isPresent();
    }

    /**
     * The values an item may take: both branches of an {@code Fn::If} (recursively), never
     * {@code AWS::NoValue}; anything else as itself.
     */
    static List<Object> alternatives(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::If") instanceof List<?> args
            && args.size() == 3) {
            out.addAll(alternatives(args.get(1)));
            out.addAll(alternatives(args.get(2)));
        } else if (value != null && !isNoValue(value)) {
            out.add(value);
        }
        return out;
    }
}
