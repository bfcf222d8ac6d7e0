package com.sparkify.dwh.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.local.states.TaskContext;
import com.sparkify.dwh.local.states.TaskFailedException;
import com.sparkify.dwh.local.states.TaskInvoker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Performs the state machine's Task states in-process. {@code lambda:invoke} runs the function's
 * handler class (from template.yaml) with its JSON payload and wraps the result as Step Functions does
 * ({@code Payload}, {@code StatusCode}, ...); a handler's exception becomes the error Lambda would
 * report (its class name) with Lambda's error document as the cause. {@code sns:publish} is recorded
 * and shown, not sent.
 */
public final class LocalTaskInvoker implements TaskInvoker {

    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    static final String SNS_PUBLISH = "arn:aws:states:::sns:publish";
    private static final int STACK_FRAMES = 8;

    private final ObjectMapper mapper;
    private final Map<String, String> handlerClasses;
    private final HandlerFactory factory;
    private final TaskObserver observer;
    private final Map<String, RequestStreamHandler> warm = new ConcurrentHashMap<>();
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();

    public LocalTaskInvoker(ObjectMapper mapper, Map<String, String> handlerClasses, HandlerFactory factory,
                            TaskObserver observer) {
        this.mapper = mapper;
        this.handlerClasses = Map.copyOf(handlerClasses);
        this.factory = factory;
        this.observer = observer;
    }

    /** Every SNS message published so far. */
    public List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    @Override
    public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException {
        if (LAMBDA_INVOKE.equals(resource)) {
            return invokeFunction(parameters);
        }
        if (SNS_PUBLISH.equals(resource)) {
            return publish(parameters);
        }
        throw new TaskFailedException("States.Runtime", "the local runtime cannot perform Resource " + resource
                + " (it runs " + LAMBDA_INVOKE + " and " + SNS_PUBLISH + ")");
    }

    private JsonNode invokeFunction(JsonNode parameters) throws TaskFailedException {
        String arn = parameters.path("FunctionName").asText(null);
        String function = SamTemplate.functionOf(arn);
        String handlerClass = function == null ? null : handlerClasses.get(function);
        if (handlerClass == null) {
            throw new TaskFailedException("Lambda.ResourceNotFoundException", "Function not found: " + arn);
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : mapper.createObjectNode();
        RequestStreamHandler handler = warm.computeIfAbsent(function, name -> factory.create(handlerClass));
        long started = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(mapper.writeValueAsBytes(payload)), out,
                    LocalContext.of(function));
        } catch (IOException | RuntimeException e) {
            throw new TaskFailedException(e.getClass().getName(), errorDocument(e));
        }
        JsonNode output;
        try {
            output = out.size() == 0 ? mapper.nullNode() : mapper.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new TaskFailedException("Lambda.Unknown", function + " returned invalid JSON: " + e.getMessage());
        }
        observer.invoked(function, payload, output, Duration.ofNanos(System.nanoTime() - started));
        ObjectNode result = mapper.createObjectNode();
        result.put("ExecutedVersion", "$LATEST");
        result.set("Payload", output);
        result.set("SdkHttpMetadata", httpMetadata());
        result.putObject("SdkResponseMetadata").put("RequestId", UUID.randomUUID().toString());
        result.put("StatusCode", 200);
        return result;
    }

    private JsonNode publish(JsonNode parameters) {
        Notification notification = new Notification(parameters.path("TopicArn").asText(null),
                parameters.path("Subject").asText(null), parameters.path("Message").asText(null));
        notifications.add(notification);
        ObjectNode result = mapper.createObjectNode();
        result.put("MessageId", UUID.randomUUID().toString());
        result.set("SdkHttpMetadata", httpMetadata());
        result.putObject("SdkResponseMetadata").put("RequestId", UUID.randomUUID().toString());
        return result;
    }

    private ObjectNode httpMetadata() {
        ObjectNode metadata = mapper.createObjectNode();
        metadata.put("HttpStatusCode", 200);
        return metadata;
    }

    /** What Lambda reports for an unhandled exception: message, type and (the top of) the stack trace. */
    private String errorDocument(Throwable e) {
        ObjectNode document = mapper.createObjectNode();
        document.put("errorMessage", e.getMessage());
        document.put("errorType", e.getClass().getName());
        ArrayNode trace = document.putArray("stackTrace");
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(STACK_FRAMES, frames.length); i++) {
            trace.add(frames[i].toString());
        }
        try {
            return mapper.writeValueAsString(document);
        } catch (IOException impossible) {
            return e.toString();
        }
    }
}
