package com.sparkify.dwh.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local runtime needs from template.yaml: each function's handler class, and a state
 * machine's definition with its substitutions resolved to local ARNs. The template and definitions
 * are read from the classpath ({@code sam/}), where the build puts the project's own files.
 */
public final class SamTemplate {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "local";

    private final Map<String, Object> resources;

    private SamTemplate(Map<String, Object> template) {
        this.resources = map(template.get("Resources"), "Resources");
    }

    public static SamTemplate fromClasspath() {
        try (Reader reader = new InputStreamReader(open("sam/template.yaml"), StandardCharsets.UTF_8)) {
            return new SamTemplate(CfnYaml.parse(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sam/template.yaml", e);
        }
    }

    /** Logical id of each AWS::Serverless::Function, with its handler class (the part before "::"). */
    public Map<String, String> functionHandlers() {
        Map<String, String> handlers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = map(resource.getValue(), resource.getKey());
            if ("AWS::Serverless::Function".equals(body.get("Type"))) {
                Object handler = map(body.get("Properties"), resource.getKey() + ".Properties").get("Handler");
                if (!(handler instanceof String text)) {
                    throw new IllegalStateException("function " + resource.getKey() + " has no Handler");
                }
                int method = text.indexOf("::");
                handlers.put(resource.getKey(), method < 0 ? text : text.substring(0, method));
            }
        }
        return handlers;
    }

    /** The local ARN standing for a function, as the state machine's FunctionName will hold it. */
    public static String functionArn(String logicalId) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId + ":live";
    }

    /** The logical id in a local function ARN (with or without a qualifier), or null. */
    public static String functionOf(String arn) {
        String prefix = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:";
        if (arn == null || !arn.startsWith(prefix)) {
            return null;
        }
        String rest = arn.substring(prefix.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /**
     * The definition of the state machine {@code logicalId} with every {@code ${Name}} replaced: a
     * function reference (Ref X, Ref X.Alias, GetAtt X.Arn) by {@link #functionArn}, a topic by a local
     * topic ARN. A substitution this cannot resolve locally is an error naming it.
     */
    public String stateMachineDefinition(String logicalId) {
        Map<String, Object> properties = map(map(resources.get(logicalId), logicalId).get("Properties"),
                logicalId + ".Properties");
        Object uri = properties.get("DefinitionUri");
        if (!(uri instanceof String path)) {
            throw new IllegalStateException(logicalId + " has no local DefinitionUri");
        }
        String definition;
        try (InputStream in = open("sam/" + path)) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sam/" + path, e);
        }
        Map<String, Object> substitutions = properties.get("DefinitionSubstitutions") == null ? Map.of()
                : map(properties.get("DefinitionSubstitutions"), logicalId + ".DefinitionSubstitutions");
        for (Map.Entry<String, Object> substitution : substitutions.entrySet()) {
            definition = definition.replace("${" + substitution.getKey() + "}",
                    resolve(substitution.getKey(), substitution.getValue()));
        }
        int unresolved = definition.indexOf("${");
        if (unresolved >= 0) {
            int end = definition.indexOf('}', unresolved);
            throw new IllegalStateException(path + " uses " + definition.substring(unresolved, end + 1)
                    + ", which " + logicalId + "'s DefinitionSubstitutions does not define");
        }
        return definition;
    }

    private String resolve(String name, Object value) {
        String target = null;
        if (value instanceof Map<?, ?> intrinsic) {
            if (intrinsic.get("Ref") instanceof String ref) {
                target = ref.endsWith(".Alias") ? ref.substring(0, ref.length() - ".Alias".length()) : ref;
            } else if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty()) {
                target = String.valueOf(getAtt.get(0));
            }
        } else if (value instanceof String literal) {
            return literal;
        }
        Object resource = target == null ? null : resources.get(target);
        if (resource instanceof Map<?, ?> body) {
            Object type = body.get("Type");
            if ("AWS::Serverless::Function".equals(type)) {
                return functionArn(target);
            }
            if ("AWS::SNS::Topic".equals(type)) {
                return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + target;
            }
        }
        throw new IllegalStateException("substitution " + name + " = " + value + " cannot be resolved locally");
    }

    private static InputStream open(String resource) {
        InputStream in = SamTemplate.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no " + resource + " on the classpath (the build copies template.yaml"
                    + " and statemachine/ there)");
        }
        return in;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("template.yaml: " + what + " is not a mapping");
        }
        return (Map<String, Object>) value;
    }
}
