package com.sparkify.dwh.local.report;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.sparkify.dwh.warehouse.QueryResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A local HTTP stand-in for the Redshift Data API (WireMock with a transformer), reached by the real SDK
 * client: it records every submission, finishes each at once, and answers GetStatementResult with the
 * rows the test gives for that SQL, encoded as the Data API encodes them (longValue, doubleValue,
 * stringValue, isNull). A batch can be made to fail, as Redshift fails one whose statement errs.
 */
final class DataApiStub implements AutoCloseable {

    /** One submission: ExecuteStatement or BatchExecuteStatement, with its request and SQL. */
    record Submission(String id, String operation, JsonNode request, List<String> sqls) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Submission> byId = new ConcurrentHashMap<>();
    private final Function<String, QueryResult> rows;
    private final WireMockServer server;
    private volatile String batchError;

    /** {@code rows}: the result of a SQL statement, or null for a statement the stub does not know (an error). */
    DataApiStub(Function<String, QueryResult> rows) {
        this.rows = rows;
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ResponseDefinitionBuilder.responseDefinition().withStatus(500)));
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    /** Every later batch ends FAILED with this error, as Redshift reports one. */
    void failBatchesWith(String error) {
        batchError = error;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "data-api-stub";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String target = event.getRequest().getHeader("X-Amz-Target");
            try {
                if (target == null || !target.startsWith("RedshiftData.")) {
                    return error(400, "UnknownOperationException", "not a Data API call: " + target);
                }
                JsonNode body = MAPPER.readTree(event.getRequest().getBodyAsString());
                return respond(target.substring("RedshiftData.".length()), body);
            } catch (IOException | RuntimeException e) {
                return error(400, "ValidationException", String.valueOf(e.getMessage()));
            }
        }
    }

    private ResponseDefinition respond(String operation, JsonNode body) {
        ObjectNode response = MAPPER.createObjectNode();
        switch (operation) {
            case "ExecuteStatement", "BatchExecuteStatement" -> {
                List<String> sqls = new ArrayList<>();
                if (body.has("Sqls")) {
                    body.get("Sqls").forEach(sql -> sqls.add(sql.asText()));
                } else {
                    sqls.add(body.path("Sql").asText());
                }
                Submission submission = new Submission(UUID.randomUUID().toString(), operation, body, sqls);
                byId.put(submission.id(), submission);
                submissions.add(submission);
                response.put("Id", submission.id()).put("CreatedAt", 1.7E9);
            }
            case "DescribeStatement" -> describe(body.path("Id").asText(), response);
            case "GetStatementResult" -> {
                String id = body.path("Id").asText();
                int colon = id.lastIndexOf(':');
                Submission submission = byId.get(colon < 0 ? id : id.substring(0, colon));
                String sql = submission.sqls().get(colon < 0 ? 0 : Integer.parseInt(id.substring(colon + 1)) - 1);
                QueryResult result = rows.apply(sql);
                if (result == null) {
                    return error(400, "ValidationException", "the stub has no rows for: " + sql);
                }
                encode(result, response);
            }
            default -> {
                return error(400, "ValidationException", "the stub does not do " + operation);
            }
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(response.toString()).build();
    }

    private void describe(String id, ObjectNode response) {
        Submission submission = byId.get(id);
        boolean batch = submission.operation().equals("BatchExecuteStatement");
        String error = batch ? batchError : null;
        response.put("Id", id).put("Status", error == null ? "FINISHED" : "FAILED").put("Duration", 1_000_000)
                .put("HasResultSet", true).put("ResultRows", batch ? -1 : 1).put("CreatedAt", 1.7E9);
        if (error != null) {
            response.put("Error", error);
        }
        if (batch) {
            ArrayNode subs = response.putArray("SubStatements");
            for (int i = 0; i < submission.sqls().size(); i++) {
                subs.addObject().put("Id", id + ":" + (i + 1)).put("Status", error == null ? "FINISHED" : "ABORTED")
                        .put("HasResultSet", true).put("ResultRows", 1).put("Duration", 1000);
            }
        }
    }

    private static void encode(QueryResult result, ObjectNode response) {
        ArrayNode metadata = response.putArray("ColumnMetadata");
        result.columns().forEach(name -> metadata.addObject().put("name", name).put("label", name));
        ArrayNode records = response.putArray("Records");
        for (List<Object> row : result.rows()) {
            ArrayNode record = records.addArray();
            for (Object value : row) {
                ObjectNode field = record.addObject();
                if (value == null) {
                    field.put("isNull", true);
                } else if (value instanceof Long number) {
                    field.put("longValue", number);
                } else if (value instanceof Double number) {
                    field.put("doubleValue", number);
                } else {
                    field.put("stringValue", value.toString());
                }
            }
        }
        response.put("TotalNumRows", result.rows().size());
    }

    private static ResponseDefinition error(int status, String type, String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(MAPPER.createObjectNode().put("__type", type).put("message", message).toString()).build();
    }
}
