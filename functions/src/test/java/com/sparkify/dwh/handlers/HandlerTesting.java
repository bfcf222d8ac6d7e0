package com.sparkify.dwh.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.pipeline.PipelineSteps;
import com.sparkify.dwh.sql.SqlCatalog;
import com.sparkify.dwh.sql.SqlLexer;
import com.sparkify.dwh.sql.SqlToken;
import com.sparkify.dwh.warehouse.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mockito.ArgumentCaptor;

/**
 * What the handler tests share: the fixtures of events/ and events/lambda/ (read from the project root;
 * tests run in the functions module's folder), invoking a handler as Lambda does (a stream in, a stream
 * out), a mocked Warehouse and what was submitted to it.
 */
final class HandlerTesting {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final SqlCatalog SQL = SqlCatalog.fromClasspath();

    static final CopySettings COPY = new CopySettings("arn:aws:iam::123456789012:role/sparkify-copy", "us-west-2",
            CopySettings.AUTO_IGNORECASE, 0);

    /** The statement id the mocked warehouse hands out for every submission. */
    static final String SUBMITTED_ID = "5f2a1c7e-0d3b-4b8e-9a41-7c2e5d8f9b10";

    static final String HEX_64 = "[0-9a-f]{64}";

    private HandlerTesting() {
    }

    /** A fixture of events/lambda/: a handler's input as the state machine passes it. */
    /** The string literals of a statement, in order: what a handler put into its SQL. */
    static List<String> literals(String statement) {
        return SqlLexer.tokenize(statement).stream().filter(t -> t.type() == SqlToken.Type.STRING)
                .map(SqlToken::stringValue).toList();
    }

    static Path lambdaEvent(String name) {
        return Path.of("..", "events", "lambda", name);
    }

    /** A fixture of events/: a state machine input. */
    static Path event(String name) {
        return Path.of("..", "events", name);
    }

    static byte[] bytes(Path fixture) {
        try {
            return Files.readAllBytes(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + fixture.toAbsolutePath(), e);
        }
    }

    /** A fixture as a JSON object a test may change. */
    static ObjectNode json(Path fixture) {
        try {
            return (ObjectNode) MAPPER.readTree(fixture.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + fixture.toAbsolutePath(), e);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes a handler as the Lambda runtime does, without a Context (no Powertools logging). */
    static JsonNode invoke(RequestStreamHandler handler, byte[] input) {
        return invoke(handler, input, null);
    }

    static JsonNode invoke(RequestStreamHandler handler, Path fixture) {
        return invoke(handler, bytes(fixture), null);
    }

    static JsonNode invoke(RequestStreamHandler handler, JsonNode input) {
        return invoke(handler, bytes(input), null);
    }

    /** Invokes a handler; with a Context it runs inside Powertools' logging, as on Lambda. */
    static JsonNode invoke(RequestStreamHandler handler, byte[] input, Context context) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = new ByteArrayInputStream(input)) {
            handler.handleRequest(in, output, context);
            return MAPPER.readTree(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Lambda Context as the runtime fills it. */
    static Context lambdaContext(String functionName) {
        Context context = mock(Context.class);
        lenient().when(context.getFunctionName()).thenReturn(functionName);
        lenient().when(context.getFunctionVersion()).thenReturn("7");
        lenient().when(context.getInvokedFunctionArn())
                .thenReturn("arn:aws:lambda:us-west-2:123456789012:function:" + functionName + ":live");
        lenient().when(context.getAwsRequestId()).thenReturn("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        lenient().when(context.getMemoryLimitInMB()).thenReturn(512);
        lenient().when(context.getRemainingTimeInMillis()).thenReturn(30_000);
        lenient().when(context.getLogGroupName()).thenReturn("/aws/lambda/" + functionName);
        lenient().when(context.getLogStreamName()).thenReturn("2018/12/01/[7]abcdef");
        return context;
    }

    /** A mocked warehouse that accepts every submission with {@link #SUBMITTED_ID}. */
    static Warehouse warehouse() {
        Warehouse warehouse = mock(Warehouse.class);
        lenient().when(warehouse.batchExecuteStatement(anyList(), any())).thenReturn(SUBMITTED_ID);
        lenient().when(warehouse.batchExecuteStatement(anyList())).thenReturn(SUBMITTED_ID);
        lenient().when(warehouse.executeStatement(any())).thenReturn(SUBMITTED_ID);
        return warehouse;
    }

    /** The real steps with the real SQL, over a mocked warehouse. */
    static PipelineSteps steps(Warehouse warehouse) {
        return new PipelineSteps(warehouse, SQL, COPY);
    }

    /** One batch submitted to the warehouse: its statements and client token. */
    record Batch(List<String> sqls, String clientToken) {
    }

    /** Every batch submitted to a mocked warehouse, in order. */
    static List<Batch> batches(Warehouse warehouse) {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<String>> sqls = ArgumentCaptor.forClass(List.class);
        ArgumentCaptor<String> tokens = ArgumentCaptor.forClass(String.class);
        verify(warehouse, atLeast(0)).batchExecuteStatement(sqls.capture(), tokens.capture());
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < sqls.getAllValues().size(); i++) {
            batches.add(new Batch(sqls.getAllValues().get(i), tokens.getAllValues().get(i)));
        }
        return batches;
    }

    /** The one batch submitted to a mocked warehouse. */
    static Batch onlyBatch(Warehouse warehouse) {
        List<Batch> batches = batches(warehouse);
        assertThat(batches).as("batches submitted").hasSize(1);
        return batches.get(0);
    }

    /** A class loader that records which resources were asked for: no input may pick a file. */
    static final class RecordingClassLoader extends ClassLoader {
        final List<String> requested = Collections.synchronizedList(new ArrayList<>());

        RecordingClassLoader() {
            super(HandlerTesting.class.getClassLoader());
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            requested.add(name);
            return super.getResourceAsStream(name);
        }
    }

    /** The output every submitting handler gives. */
    static JsonNode submitted() {
        return MAPPER.createObjectNode().put("statementId", SUBMITTED_ID);
    }

    static void assertSubmittedOutput(JsonNode output) {
        assertThat(output).isEqualTo(submitted());
    }

    static void stubThrottled(Warehouse warehouse, RuntimeException error) {
        when(warehouse.batchExecuteStatement(anyList(), any())).thenThrow(error);
    }
}
