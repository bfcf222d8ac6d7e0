package com.sparkify.dwh.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sparkify.dwh.warehouse.StatementNotFoundException;
import com.sparkify.dwh.warehouse.WarehouseException;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.ResourceNotFoundException;

/** Data API errors, after the real SDK client's own retries, as the port's typed exceptions. */
class RedshiftDataErrorsWireTest {

    private static final String SQL = "COPY staging_events FROM 's3://secret-bucket/manifest' IAM_ROLE 'arn:aws:iam::1:role/r'";

    private static WireMockServer server;
    private RedshiftDataClient client;
    private RedshiftDataWarehouse warehouse;

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
        warehouse = new RedshiftDataWarehouse(client, RedshiftTarget.cluster("sparkify", "dev", null, null));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static void fail(String operation, int status, String type, String message) {
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData." + operation))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}")));
    }

    private static int requests(String operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData." + operation))).size();
    }

    @Test
    void throttlingIsRetriedByTheSdkThenReportedAsThrottled() {
        fail("BatchExecuteStatement", 400, "ThrottlingException", "Rate exceeded");

        WarehouseThrottledException e = catchThrowableOfType(WarehouseThrottledException.class,
                () -> warehouse.batchExecuteStatement(List.of(SQL), "token-1"));

        assertThat(e).hasMessage("BatchExecuteStatement failed, try again later: ThrottlingException: Rate exceeded");
        assertThat(requests("BatchExecuteStatement")).isEqualTo(4);
    }

    @Test
    void tooManyActiveStatementsIsThrottledWithoutSdkRetries() {
        fail("ExecuteStatement", 400, "ActiveStatementsExceededException",
                "Active statements exceeded the allowed quota (200).");

        assertThatThrownBy(() -> warehouse.executeStatement(SQL))
                .isInstanceOf(WarehouseThrottledException.class)
                .hasMessage("ExecuteStatement failed, try again later: ActiveStatementsExceededException: "
                        + "Active statements exceeded the allowed quota (200).")
                .hasMessageNotContaining("secret-bucket");
        assertThat(requests("ExecuteStatement")).isEqualTo(1);
    }

    @Test
    void tooManyActiveSessionsIsThrottled() {
        fail("BatchExecuteStatement", 400, "ActiveSessionsExceededException", "Too many sessions");

        assertThatThrownBy(() -> warehouse.batchExecuteStatement(List.of(SQL)))
                .isInstanceOf(WarehouseThrottledException.class)
                .hasMessageContaining("ActiveSessionsExceededException: Too many sessions");
    }

    @Test
    void aServerErrorIsRetriedByTheSdksDefaultStrategyThenReportedAsThrottled() {
        // The client as built for a stub, with the SDK's default retries and backoff (not the fast ones).
        RedshiftDataClient defaults = AwsClients.redshiftData(Wire.endpoint(server), Wire.CREDENTIALS);
        fail("DescribeStatement", 500, "InternalServerException", "The server had an internal error");

        try (defaults) {
            assertThatThrownBy(() -> new RedshiftDataWarehouse(defaults,
                    RedshiftTarget.workgroup("wg", "dev", null)).describeStatement("s-1"))
                    .isInstanceOf(WarehouseThrottledException.class)
                    .hasMessage("DescribeStatement of s-1 failed, try again later: InternalServerException: "
                            + "The server had an internal error");
        }
        assertThat(requests("DescribeStatement")).isEqualTo(4);
    }

    @Test
    void executeStatementExceptionsAreThrottled() {
        server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody("{\"__type\":\"ExecuteStatementException\",\"Message\":\"statement failed to start\","
                                + "\"StatementId\":\"s-9\"}")));

        assertThatThrownBy(() -> warehouse.executeStatement(SQL))
                .isInstanceOf(WarehouseThrottledException.class)
                .hasMessageContaining("ExecuteStatementException: statement failed to start");
    }

    @Test
    void aValidationErrorIsAPlainWarehouseExceptionWithTheMessage() {
        fail("ExecuteStatement", 400, "ValidationException", "Cluster identifier is invalid");

        WarehouseException e = catchThrowableOfType(WarehouseException.class, () -> warehouse.executeStatement(SQL));

        assertThat(e).isNotInstanceOf(WarehouseThrottledException.class)
                .hasMessage("ExecuteStatement failed: ValidationException: Cluster identifier is invalid");
        assertThat(requests("ExecuteStatement")).isEqualTo(1);
    }

    @Test
    void anUnknownStatementIsStatementNotFound() {
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData.DescribeStatement"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Query does not exist.\","
                                + "\"ResourceId\":\"s-gone\"}")));

        StatementNotFoundException e = catchThrowableOfType(StatementNotFoundException.class,
                () -> warehouse.describeStatement("s-gone"));

        assertThat(e).hasMessage("DescribeStatement of s-gone failed: ResourceNotFoundException: Query does not exist.");
        assertThat(e.getCause()).isInstanceOf(ResourceNotFoundException.class);
        assertThat(((ResourceNotFoundException) e.getCause()).resourceId()).isEqualTo("s-gone");
        assertThat(requests("DescribeStatement")).isEqualTo(1);
    }

    @Test
    void getStatementResultOfAnUnknownStatementIsStatementNotFound() {
        fail("GetStatementResult", 400, "ResourceNotFoundException", "Query does not exist.");

        assertThatThrownBy(() -> warehouse.getStatementResult("s-gone:1"))
                .isInstanceOf(StatementNotFoundException.class)
                .hasMessageStartingWith("GetStatementResult of s-gone:1 failed");
    }

    @Test
    void anUnmodelledClientErrorIsAPlainWarehouseException() {
        fail("DescribeStatement", 403, "AccessDeniedException", "User is not authorized");

        assertThatThrownBy(() -> warehouse.describeStatement("s-1"))
                .isInstanceOf(WarehouseException.class)
                .isNotInstanceOf(WarehouseThrottledException.class)
                .hasMessage("DescribeStatement of s-1 failed: AccessDeniedException: User is not authorized");
    }

    @Test
    void aNetworkFailureIsThrottled() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RedshiftDataClient unreachable = AwsClients.redshiftData(
                URI.create("http://127.0.0.1:" + closedPort), Wire.CREDENTIALS, Wire.fastRetries())) {
            assertThatThrownBy(() -> new RedshiftDataWarehouse(unreachable,
                    RedshiftTarget.cluster("sparkify", "dev", null, null)).executeStatement(SQL))
                    .isInstanceOf(WarehouseThrottledException.class)
                    .hasMessageStartingWith("ExecuteStatement failed, try again later: ")
                    .hasMessageNotContaining("secret-bucket");
        }
    }

    @Test
    void cancellingAStatementThatAlreadyFinishedLeavesItAlone() {
        fail("CancelStatement", 400, "ValidationException", "Could not cancel a query that is already in FINISHED state");
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData.DescribeStatement"))
                .willReturn(aResponse().withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody("{\"Id\":\"s-1\",\"Status\":\"FINISHED\",\"ResultRows\":3}")));

        warehouse.cancelStatement("s-1");

        assertThat(requests("CancelStatement")).isEqualTo(1);
        assertThat(requests("DescribeStatement")).isEqualTo(1);
    }

    @Test
    void aRefusedCancelOfARunningStatementIsAnError() {
        fail("CancelStatement", 400, "ValidationException", "Could not cancel the query");
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData.DescribeStatement"))
                .willReturn(aResponse().withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody("{\"Id\":\"s-1\",\"Status\":\"STARTED\"}")));

        assertThatThrownBy(() -> warehouse.cancelStatement("s-1"))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("CancelStatement of s-1 failed: ValidationException: Could not cancel the query");
    }

    @Test
    void cancellingAnUnknownStatementIsStatementNotFound() {
        fail("CancelStatement", 400, "ResourceNotFoundException", "Query does not exist.");

        assertThatThrownBy(() -> warehouse.cancelStatement("s-gone"))
                .isInstanceOf(StatementNotFoundException.class);
        assertThat(requests("DescribeStatement")).isZero();
    }
}
