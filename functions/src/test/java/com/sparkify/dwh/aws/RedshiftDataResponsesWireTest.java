package com.sparkify.dwh.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sparkify.dwh.warehouse.QueryResult;
import com.sparkify.dwh.warehouse.StatementDescription;
import com.sparkify.dwh.warehouse.StatementState;
import com.sparkify.dwh.warehouse.WarehouseException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/** How DescribeStatement and GetStatementResult responses map onto the port, through the real SDK client. */
class RedshiftDataResponsesWireTest {

    private static final String BATCH_ID = "d9b6c0c9-0747-4bf4-b142-e8883122f766";

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

    private static void stub(String operation, String body) {
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData." + operation))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", Wire.AMZ_JSON).withBody(body)));
    }

    @ParameterizedTest
    @EnumSource(StatementState.class)
    void describesEveryStatusOfASingleStatement(StatementState state) {
        boolean finished = state == StatementState.FINISHED;
        String error = state == StatementState.FAILED ? "ERROR: division by zero" : null;
        stub("DescribeStatement", "{\"Id\":\"s-1\",\"Status\":\"" + state + "\",\"HasResultSet\":" + finished
                + (finished ? ",\"ResultRows\":42,\"Duration\":1500000" : ",\"ResultRows\":-1,\"Duration\":-1")
                + (error == null ? "" : ",\"Error\":\"" + error + "\"")
                + ",\"CreatedAt\":1.7E9,\"UpdatedAt\":1.7E9,\"ClusterIdentifier\":\"sparkify\",\"Database\":\"dev\"}");

        StatementDescription description = warehouse.describeStatement("s-1");

        assertThat(description).isEqualTo(new StatementDescription("s-1", state, error, finished ? 42 : -1,
                finished, finished ? 1_500_000 : 0, List.of()));
    }

    @Test
    void describesAFinishedBatchWithItsSubStatements() {
        stub("DescribeStatement", Wire.fixture("describe-batch-finished.json"));

        StatementDescription batch = warehouse.describeStatement(BATCH_ID);

        assertThat(batch.id()).isEqualTo(BATCH_ID);
        assertThat(batch.state()).isEqualTo(StatementState.FINISHED);
        assertThat(batch.error()).isNull();
        assertThat(batch.resultRows()).isEqualTo(-1);
        assertThat(batch.hasResultSet()).isFalse();
        assertThat(batch.durationNanos()).isEqualTo(3_450_000_000L);
        assertThat(batch.subStatements()).containsExactly(
                new StatementDescription(BATCH_ID + ":1", StatementState.FINISHED, null, 0, false, 1_200_000, List.of()),
                new StatementDescription(BATCH_ID + ":2", StatementState.FINISHED, null, 6820, false, 3_400_000_000L,
                        List.of()),
                new StatementDescription(BATCH_ID + ":3", StatementState.FINISHED, null, 1, true, 48_000_000, List.of()));
        assertThat(batch.subStatement(2).resultRows()).isEqualTo(6820);
    }

    @Test
    void aFailedBatchIsADescriptionWithTheErrorNotAnException() {
        stub("DescribeStatement", Wire.fixture("describe-batch-failed.json"));

        StatementDescription batch = warehouse.describeStatement(BATCH_ID);

        assertThat(batch.state()).isEqualTo(StatementState.FAILED);
        assertThat(batch.error()).isEqualTo("ERROR: relation \"staging_events\" does not exist");
        assertThat(batch.subStatements()).extracting(StatementDescription::state)
                .containsExactly(StatementState.FINISHED, StatementState.FAILED, StatementState.ABORTED);
        assertThat(batch.subStatement(1).resultRows()).isEqualTo(10);
        // No ResultRows member at all and ResultRows -1 both mean "no count".
        assertThat(batch.subStatement(2).resultRows()).isEqualTo(-1);
        assertThat(batch.subStatement(2).error()).isEqualTo("ERROR: relation \"staging_events\" does not exist");
        assertThat(batch.subStatement(2).durationNanos()).isZero();
        assertThat(batch.subStatement(3).resultRows()).isEqualTo(-1);
    }

    @Test
    void anAbortedStatementIsADescription() {
        stub("DescribeStatement", "{\"Id\":\"s-2\",\"Status\":\"ABORTED\",\"Error\":\"Query cancelled by user\","
                + "\"HasResultSet\":false}");

        StatementDescription description = warehouse.describeStatement("s-2");

        assertThat(description.state()).isEqualTo(StatementState.ABORTED);
        assertThat(description.error()).isEqualTo("Query cancelled by user");
        assertThat(description.resultRows()).isEqualTo(-1);
        assertThat(description.subStatements()).isEmpty();
    }

    @Test
    void aStatusThisCodeDoesNotKnowIsAnErrorNamingIt() {
        stub("DescribeStatement", "{\"Id\":\"s-3\",\"Status\":\"QUEUED_FOREVER\"}");

        assertThatThrownBy(() -> warehouse.describeStatement("s-3"))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("DescribeStatement of s-3 returned an unknown status: QUEUED_FOREVER");
    }

    @Test
    void readsEveryPageOfAResultAndEveryKindOfField() {
        server.stubFor(post(urlEqualTo("/")).atPriority(5)
                .withHeader("X-Amz-Target", equalTo("RedshiftData.GetStatementResult"))
                .withRequestBody(matchingJsonPath("$.NextToken", absent()))
                .willReturn(aResponse().withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody(Wire.fixture("result-page-1.json"))));
        server.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("RedshiftData.GetStatementResult"))
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2-token")))
                .willReturn(aResponse().withHeader("Content-Type", Wire.AMZ_JSON)
                        .withBody(Wire.fixture("result-page-2.json"))));

        QueryResult result = warehouse.getStatementResult(BATCH_ID + ":3");

        // A column's label (its alias in the query) wins over its name; "level" has no label.
        assertThat(result.columns()).containsExactly("user_id", "plays", "duration", "paid", "level", "thumbprint");
        assertThat(result.rows()).containsExactly(
                Arrays.asList(15L, 463L, 218.93506, true, "paid", "AAEC/w=="),
                Arrays.asList(26L, null, null, false, "free", null),
                Arrays.asList(97L, 0L, -0.0015, null, "O'Neil; \"quoted\" ünïcödé", ""));
        assertThat(result.rows().get(0).get(0)).isInstanceOf(Long.class);
        assertThat(result.rows().get(0).get(2)).isInstanceOf(Double.class);
        assertThat(result.rows().get(0).get(3)).isInstanceOf(Boolean.class);
        assertThat(result.getLong(0, "plays")).isEqualTo(463);
        server.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData.GetStatementResult"))
                .withRequestBody(matchingJsonPath("$.Id", equalTo(BATCH_ID + ":3"))));
    }

    @Test
    void anEmptyResultHasItsColumnsAndNoRows() {
        stub("GetStatementResult", "{\"Records\":[],\"ColumnMetadata\":[{\"name\":\"n\",\"label\":\"n\"}],"
                + "\"TotalNumRows\":0,\"NextToken\":\"\"}");

        QueryResult result = warehouse.getStatementResult("s-4");

        assertThat(result.columns()).containsExactly("n");
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void cancelAsksTheDataApiToStop() {
        stub("CancelStatement", "{\"Status\":true}");

        warehouse.cancelStatement("s-5");

        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RedshiftData.CancelStatement")));
    }
}
