package com.sparkify.dwh.local.redshift;

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
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the Redshift Data API and S3 on one local HTTP port (WireMock with a transformer):
 * statements are recorded and FINISH at once, with made-up figures where the pipeline reads results;
 * S3 lists the objects put here and keeps what is written. Enough to run the whole state machine over
 * the real SDK clients and see every request they make.
 */
final class FakeAws implements AutoCloseable {

    /** One submission the fake Data API received. */
    record Submission(String id, String target, JsonNode request, List<String> sqls) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Submission> statements = new ConcurrentHashMap<>();
    private final Map<String, String> byToken = new ConcurrentHashMap<>();
    final List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
    final Map<String, byte[]> objects = Collections.synchronizedMap(new TreeMap<>());
    private final WireMockServer server;

    FakeAws() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ResponseDefinitionBuilder.responseDefinition().withStatus(500)));
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    void putObject(String bucket, String key, String content) {
        objects.put(bucket + "/" + key, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The SQL of every submission, in the order they came. */
    List<String> sqls() {
        List<String> all = new ArrayList<>();
        synchronized (submissions) {
            submissions.forEach(submission -> all.addAll(submission.sqls()));
        }
        return all;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-aws";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            try {
                String target = request.getHeader("X-Amz-Target");
                if (target != null && target.startsWith("RedshiftData.")) {
                    return json(dataApi(target.substring("RedshiftData.".length()), MAPPER.readTree(request.getBodyAsString())));
                }
                return s3(request);
            } catch (IOException e) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withBody(e.getMessage()).build();
            }
        }
    }

    private JsonNode dataApi(String operation, JsonNode body) {
        ObjectNode response = MAPPER.createObjectNode();
        switch (operation) {
            case "ExecuteStatement", "BatchExecuteStatement" -> {
                String token = body.path("ClientToken").asText(null);
                String id = token == null ? null : byToken.get(token);
                if (id == null) {
                    id = UUID.randomUUID().toString();
                    List<String> sqls = new ArrayList<>();
                    if (body.has("Sqls")) {
                        body.get("Sqls").forEach(sql -> sqls.add(sql.asText()));
                    } else {
                        sqls.add(body.path("Sql").asText());
                    }
                    Submission submission = new Submission(id, operation, body, sqls);
                    statements.put(id, submission);
                    submissions.add(submission);
                    if (token != null) {
                        byToken.put(token, id);
                    }
                }
                response.put("Id", id);
            }
            case "DescribeStatement" -> describe(body.path("Id").asText(), response);
            case "GetStatementResult" -> result(body.path("Id").asText(), response);
            case "CancelStatement" -> response.put("Status", true);
            default -> throw new IllegalArgumentException("the fake Data API does not do " + operation);
        }
        return response;
    }

    private void describe(String id, ObjectNode response) {
        Submission submission = statements.get(id);
        response.put("Id", id).put("Status", "FINISHED").put("Duration", 1_000_000).put("CreatedAt", 1.7E9);
        boolean batch = submission.target().equals("BatchExecuteStatement");
        response.put("HasResultSet", hasResultSet(submission.sqls().get(submission.sqls().size() - 1)));
        response.put("ResultRows", batch ? -1 : 1);
        if (batch) {
            ArrayNode subs = response.putArray("SubStatements");
            for (int i = 0; i < submission.sqls().size(); i++) {
                String sql = submission.sqls().get(i);
                subs.addObject().put("Id", id + ":" + (i + 1)).put("Status", "FINISHED")
                        .put("HasResultSet", hasResultSet(sql)).put("ResultRows", hasResultSet(sql) ? 1 : 7)
                        .put("Duration", 1000);
            }
        }
    }

    private void result(String id, ObjectNode response) {
        int colon = id.lastIndexOf(':');
        Submission submission = statements.get(colon < 0 ? id : id.substring(0, colon));
        String sql = colon < 0 ? submission.sqls().get(0) : submission.sqls().get(Integer.parseInt(id.substring(colon + 1)) - 1);
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        if (sql.contains("AS acquired")) {
            columns.put("acquired", List.of(1L));
            columns.put("holder", List.of("the run"));
        } else if (sql.contains("FROM load_ledger") && sql.contains("object_uri")) {
            columns.put("object_uri", List.of());
            columns.put("etag", List.of());
        } else if (sql.contains("AS rows_written")) {
            columns.put("rows_written", List.of(5L));
        } else if (sql.contains("pg_last_copy_count")) {
            columns.put("rows_loaded", List.of(12L));
            columns.put("rows_rejected", List.of(0L));
        } else if (sql.contains("check_name")) {
            columns.put("check_name", List.of("songplays_null_key", "users_duplicate_key"));
            columns.put("violations", List.of(0L, 0L));
        } else if (sql.contains("table_name")) {
            columns.put("table_name", List.of("songplays", "users"));
            columns.put("row_count", List.of(42L, 7L));
        }
        ArrayNode metadata = response.putArray("ColumnMetadata");
        columns.keySet().forEach(name -> metadata.addObject().put("name", name).put("label", name));
        ArrayNode records = response.putArray("Records");
        int rows = columns.isEmpty() ? 0 : columns.values().iterator().next().size();
        for (int row = 0; row < rows; row++) {
            ArrayNode record = records.addArray();
            for (List<Object> values : columns.values()) {
                Object value = values.get(row);
                if (value instanceof Long number) {
                    record.addObject().put("longValue", number);
                } else {
                    record.addObject().put("stringValue", value.toString());
                }
            }
        }
        response.put("TotalNumRows", rows);
    }

    private static boolean hasResultSet(String sql) {
        return sql.stripLeading().toUpperCase().startsWith("SELECT");
    }

    /** GET /bucket?list-type=2&prefix=... lists; PUT /bucket/key stores. */
    private ResponseDefinition s3(Request request) {
        URI uri = URI.create(request.getUrl());
        String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8).substring(1);
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 ? "" : path.substring(slash + 1);
        if (request.getMethod().getName().equals("PUT")) {
            objects.put(bucket + "/" + key, request.getBody());
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("ETag", "\"etag\"").build();
        }
        String prefix = request.queryParameter("prefix").isPresent() ? request.queryParameter("prefix").firstValue() : "";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>")
                .append("<Name>").append(bucket).append("</Name><Prefix>").append(prefix).append("</Prefix>")
                .append("<IsTruncated>false</IsTruncated>");
        synchronized (objects) {
            for (Map.Entry<String, byte[]> object : objects.entrySet()) {
                if (object.getKey().startsWith(bucket + "/" + prefix)) {
                    xml.append("<Contents><Key>").append(object.getKey().substring(bucket.length() + 1))
                            .append("</Key><Size>").append(object.getValue().length)
                            .append("</Size><ETag>\"e\"</ETag></Contents>");
                }
            }
        }
        xml.append("</ListBucketResult>");
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(xml.toString()).build();
    }

    private static ResponseDefinition json(JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body.toString()).build();
    }
}
