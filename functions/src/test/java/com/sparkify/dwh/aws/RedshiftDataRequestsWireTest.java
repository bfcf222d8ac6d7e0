package com.sparkify.dwh.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/** What the Data API receives: targets, members, headers and client tokens, from the real SDK client. */
class RedshiftDataRequestsWireTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:redshift-AbCdEf";
    private static final String WORKGROUP = "arn:aws:redshift-serverless:us-east-1:123456789012:workgroup/0f1e2d3c";
    private static final String BATCH_ID = "d9b6c0c9-0747-4bf4-b142-e8883122f766";
    private static final String SINGLE_ID = "5b7a1f3e-0c6d-4f0e-9b1a-2d3c4e5f6a7b";

    private static WireMockServer server;
    private RedshiftDataClient client;

    @BeforeAll
    static void startServer() {
        server = Wire.startServer();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.resetAll();
        client = AwsClients.redshiftData(Wire.endpoint(server), Wire.CREDENTIALS, Wire.fastRetries());
        stub("ExecuteStatement", 200, Wire.fixture("execute-statement.json"));
        stub("BatchExecuteStatement", 200, Wire.fixture("batch-execute-statement.json"));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static void stub(String operation, int status, String body) {
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData." + operation))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", Wire.AMZ_JSON).withBody(body)));
    }

    private RedshiftDataWarehouse warehouse(RedshiftTarget target) {
        return new RedshiftDataWarehouse(client, target);
    }

    /** The bodies of the requests made for one operation, in order, after checking the protocol headers. */
    private static List<JsonNode> bodies(String operation) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData." + operation)))) {
            assertThat(request.getHeader("Content-Type")).isEqualTo(Wire.AMZ_JSON);
            assertThat(request.getHeader("Authorization")).contains("/redshift-data/aws4_request");
            bodies.add(Wire.json(request.getBodyAsString()));
        }
        return bodies;
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void executeStatementOnAClusterWithASecret() {
        String id = warehouse(RedshiftTarget.cluster("sparkify", "dev", SECRET, null)).executeStatement("SELECT 1");

        assertThat(id).isEqualTo(SINGLE_ID);
        List<JsonNode> bodies = bodies("ExecuteStatement");
        assertThat(bodies).hasSize(1);
        JsonNode body = bodies.get(0);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder(
                "Sql", "ClusterIdentifier", "Database", "SecretArn", "StatementName", "ClientToken");
        assertThat(body.get("Sql").asText()).isEqualTo("SELECT 1");
        assertThat(body.get("ClusterIdentifier").asText()).isEqualTo("sparkify");
        assertThat(body.get("Database").asText()).isEqualTo("dev");
        assertThat(body.get("SecretArn").asText()).isEqualTo(SECRET);
        assertThat(body.get("StatementName").asText()).isEqualTo("sparkify-dwh");
        // The SDK fills in an idempotency token of its own (a UUID) when we give none.
        assertThat(UUID.fromString(body.get("ClientToken").asText())).isNotNull();
    }

    @Test
    void batchExecuteStatementOnAClusterAsADatabaseUser() {
        List<String> sqls = List.of("DELETE FROM users WHERE user_id = 'x''y'", "INSERT INTO users SELECT 1");
        String id = warehouse(RedshiftTarget.cluster("sparkify", "dev", null, "etl_user"))
                .batchExecuteStatement(sqls, "run-2026-11-25-load-users");

        assertThat(id).isEqualTo(BATCH_ID);
        JsonNode body = bodies("BatchExecuteStatement").get(0);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder(
                "Sqls", "ClusterIdentifier", "Database", "DbUser", "StatementName", "ClientToken");
        assertThat(body.get("Sqls").isArray()).isTrue();
        assertThat(body.get("Sqls")).extracting(JsonNode::asText).containsExactlyElementsOf(sqls);
        assertThat(body.get("ClusterIdentifier").asText()).isEqualTo("sparkify");
        assertThat(body.get("Database").asText()).isEqualTo("dev");
        assertThat(body.get("DbUser").asText()).isEqualTo("etl_user");
        assertThat(body.get("ClientToken").asText()).isEqualTo("run-2026-11-25-load-users");
    }

    @Test
    void batchExecuteStatementOnAServerlessWorkgroup() {
        warehouse(RedshiftTarget.workgroup(WORKGROUP, "dev", null)).batchExecuteStatement(List.of("SELECT 1"));

        JsonNode body = bodies("BatchExecuteStatement").get(0);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder(
                "Sqls", "WorkgroupName", "Database", "StatementName", "ClientToken");
        assertThat(body.get("WorkgroupName").asText()).isEqualTo(WORKGROUP);
        assertThat(body.get("Database").asText()).isEqualTo("dev");
    }

    @Test
    void executeStatementOnAServerlessWorkgroupWithASecret() {
        warehouse(RedshiftTarget.workgroup("sparkify-wg", "analytics", SECRET)).executeStatement("SELECT 2");

        JsonNode body = bodies("ExecuteStatement").get(0);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder(
                "Sql", "WorkgroupName", "Database", "SecretArn", "StatementName", "ClientToken");
        assertThat(body.get("WorkgroupName").asText()).isEqualTo("sparkify-wg");
        assertThat(body.get("Database").asText()).isEqualTo("analytics");
    }

    @Test
    void describeGetResultAndCancelSendTheIdOnly() {
        stub("DescribeStatement", 200, Wire.fixture("describe-batch-finished.json"));
        stub("GetStatementResult", 200, Wire.fixture("result-page-2.json"));
        stub("CancelStatement", 200, "{\"Status\":true}");
        RedshiftDataWarehouse warehouse = warehouse(RedshiftTarget.cluster("sparkify", "dev", SECRET, null));

        warehouse.describeStatement(BATCH_ID);
        warehouse.getStatementResult(BATCH_ID + ":3");
        warehouse.cancelStatement(BATCH_ID);

        assertThat(bodies("DescribeStatement")).containsExactly(Wire.json("{\"Id\":\"" + BATCH_ID + "\"}"));
        assertThat(bodies("GetStatementResult")).containsExactly(Wire.json("{\"Id\":\"" + BATCH_ID + ":3\"}"));
        assertThat(bodies("CancelStatement")).containsExactly(Wire.json("{\"Id\":\"" + BATCH_ID + "\"}"));
    }

    @Test
    void theSameClientTokenIsSentOnEverySdkRetry() {
        // Two 500s (the submit may or may not have run), then success: the SDK's retries carry our token,
        // so the Data API can answer the third attempt with the statement the first one started.
        server.resetAll();
        server.stubFor(post(urlEqualTo("/")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody("{\"__type\":\"InternalServerException\",\"Message\":\"try again\"}"))
                .willSetStateTo("failed once"));
        server.stubFor(post(urlEqualTo("/")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody("{\"__type\":\"BatchExecuteStatementException\",\"Message\":\"oops\","
                                + "\"StatementId\":\"" + BATCH_ID + "\"}"))
                .willSetStateTo("failed twice"));
        server.stubFor(post(urlEqualTo("/")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody(Wire.fixture("batch-execute-statement.json"))));

        String id = warehouse(RedshiftTarget.cluster("sparkify", "dev", SECRET, null))
                .batchExecuteStatement(List.of("SELECT 1"), "exec-123:StageSongs");

        assertThat(id).isEqualTo(BATCH_ID);
        List<JsonNode> bodies = bodies("BatchExecuteStatement");
        assertThat(bodies).hasSize(3).allSatisfy(body ->
                assertThat(body.get("ClientToken").asText()).isEqualTo("exec-123:StageSongs"));
        assertThat(bodies).containsOnly(bodies.get(0));
    }

    @Test
    void theSdkGeneratedTokenIsAlsoKeptAcrossRetries() {
        server.resetAll();
        stub("ExecuteStatement", 500, "{\"__type\":\"ExecuteStatementException\",\"Message\":\"oops\","
                + "\"StatementId\":\"" + SINGLE_ID + "\"}");

        assertThatThrownBy(() -> warehouse(RedshiftTarget.cluster("sparkify", "dev", SECRET, null))
                .executeStatement("SELECT 1"));

        List<JsonNode> bodies = bodies("ExecuteStatement");
        assertThat(bodies).hasSize(4);
        assertThat(bodies).extracting(body -> body.get("ClientToken").asText()).containsOnly(
                bodies.get(0).get("ClientToken").asText());
    }

    @Test
    void refusesAnEmptyBatchAndAnOverlongTokenWithoutCallingTheApi() {
        RedshiftDataWarehouse warehouse = warehouse(RedshiftTarget.cluster("sparkify", "dev", SECRET, null));

        assertThatThrownBy(() -> warehouse.batchExecuteStatement(List.of(), "t"))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("at least one statement");
        assertThatThrownBy(() -> warehouse.batchExecuteStatement(List.of("SELECT 1"), "x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64 characters");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
