package com.sparkify.dwh.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * A handler that reads its input and writes its output as JSON with Jackson, so the JSON the state
 * machine passes is exactly what the handler sees (the runtime's own serializer ignores Jackson
 * annotations and needs setters). Each invocation runs inside Powertools' structured logging, and
 * flushes its metrics at the end. Exceptions propagate: their class name becomes the Lambda error
 * name the state machine's Retry and Catch match on.
 */
public abstract class JsonHandler<I, O> implements RequestStreamHandler {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Class<I> inputType;
    private final PipelineMetrics metrics;

    protected JsonHandler(Class<I> inputType, PipelineMetrics metrics) {
        this.inputType = inputType;
        this.metrics = metrics;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request = read(input);
        O result;
        try {
            result = context == null ? handle(request, null)
                    : PowertoolsLogging.withLogging(context, () -> handle(request, context));
        } finally {
            metrics.flush();
        }
        MAPPER.writeValue(output, result);
    }

    private I read(InputStream input) {
        try {
            return MAPPER.readValue(input, inputType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": input is not a valid "
                    + inputType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": cannot read input: " + e.getMessage(), e);
        }
    }

    protected PipelineMetrics metrics() {
        return metrics;
    }

    protected abstract O handle(I request, Context context);
}
