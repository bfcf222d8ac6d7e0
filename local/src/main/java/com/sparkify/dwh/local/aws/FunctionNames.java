package com.sparkify.dwh.local.aws;

import com.sparkify.dwh.local.runtime.SamTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Maps a deployed FunctionName (name, ARN, with or without the alias) to the function's logical id in
 * template.yaml. CloudFormation names a function {@code <stack>-<LogicalId>-<suffix>}, cutting the stack
 * name and the logical id short when the whole would pass 64 characters.
 */
public final class FunctionNames {

    /** A cut logical id shorter than this could match by accident (a stack called "Plan", say). */
    private static final int MIN_PREFIX = 8;

    private final List<String> logicalIds;

    public FunctionNames(Set<String> logicalIds) {
        // Longest first: one logical id inside another must not shadow it.
        this.logicalIds = logicalIds.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The functions template.yaml deploys. */
    public static FunctionNames fromTemplate() {
        return new FunctionNames(SamTemplate.fromClasspath().functionHandlers().keySet());
    }

    /** The logical id {@code functionName} was deployed from, or {@code functionName} itself if none fits. */
    public String logicalId(String functionName) {
        if (functionName == null) {
            return null;
        }
        String name = bareName(functionName);
        for (String id : logicalIds) {
            if (name.contains(id)) {
                return id;
            }
        }
        for (String part : name.split("-")) {
            if (part.length() >= MIN_PREFIX) {
                List<String> cut = logicalIds.stream().filter(id -> id.startsWith(part)).toList();
                if (cut.size() == 1) {
                    return cut.get(0);
                }
            }
        }
        return functionName;
    }

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]} or {@code ACCOUNT:function:NAME} → NAME. */
    private static String bareName(String functionName) {
        String[] parts = functionName.split(":");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("function")) {
                return parts[i + 1];
            }
        }
        return parts[0];
    }
}
