package com.sparkify.dwh.local.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.dwh.local.cli.SparkifyCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code ./sparkify run --warehouse redshift}: the local executor running the deployed state machine
 * against the Data API and S3, here a local HTTP stand-in for both, reached by the real SDK clients.
 */
@Timeout(120)
class RedshiftModeTest {

    private FakeAws aws;
    private final Map<String, String> savedProperties = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        aws = new FakeAws();
        aws.putObject("sparkify-data", "song_data/A/A/A/TRAAAAW128F429D538.json", "{\"song_id\":\"S1\",\"artist_id\":\"A1\"}");
        aws.putObject("sparkify-data", "log_data/2018/11/2018-11-01-events.json", "{\"ts\":1}\n");
        aws.putObject("sparkify-data", "log_data/2018/11/2018-11-02-events.json", "{\"ts\":2}\n");
        // Fake credentials through the SDK's system-property provider, restored afterwards.
        for (String[] property : new String[][] {{"aws.accessKeyId", "AKIDFAKE"}, {"aws.secretAccessKey", "fake"}}) {
            savedProperties.put(property[0], System.getProperty(property[0]));
            System.setProperty(property[0], property[1]);
        }
    }

    @AfterEach
    void stop() {
        aws.close();
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private String[] run(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SparkifyCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> args = new java.util.ArrayList<>(List.of("run", "--warehouse", "redshift",
                "--region", "us-west-2", "--bucket", "sparkify-data", "--work-bucket", "sparkify-work",
                "--iam-role", "arn:aws:iam::123456789012:role/copy", "--endpoint-url", aws.endpoint().toString(),
                "--history", "none", "--wait-scale", "0"));
        args.addAll(List.of(extra));
        int code = cli.execute(args.toArray(String[]::new));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void theStateMachineRunsAgainstTheDataApiAndS3() throws Exception {
        String[] result = run("--cluster", "sparkify", "--database", "dev",
                "--secret-arn", "arn:aws:secretsmanager:us-west-2:123456789012:secret:rs-AbCdEf");

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        // Every submission names the cluster, the database and the secret, as the Data API defines.
        assertThat(aws.submissions).isNotEmpty().allSatisfy(submission -> {
            assertThat(submission.request().path("ClusterIdentifier").asText()).isEqualTo("sparkify");
            assertThat(submission.request().path("Database").asText()).isEqualTo("dev");
            assertThat(submission.request().path("SecretArn").asText()).startsWith("arn:aws:secretsmanager:");
            assertThat(submission.request().has("WorkgroupName")).isFalse();
        });
        List<String> sqls = aws.sqls();
        assertThat(sqls).anyMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS songplays"));
        String copyEvents = sqls.stream().filter(sql -> sql.startsWith("COPY staging_events")).findFirst().orElseThrow();
        assertThat(copyEvents).containsPattern("FROM 's3://sparkify-work/manifests/local-[^/]+/events.manifest'")
                .contains("MANIFEST").contains("IAM_ROLE 'arn:aws:iam::123456789012:role/copy'")
                .contains("REGION 'us-west-2'");
        assertThat(sqls).anyMatch(sql -> sql.startsWith("INSERT INTO songplays"));
        assertThat(sqls).anyMatch(sql -> sql.contains("check_name"));
        // The manifests were written to S3 and list exactly the objects the bucket holds.
        String manifestKey = aws.objects.keySet().stream().filter(key -> key.endsWith("/events.manifest"))
                .findFirst().orElseThrow();
        JsonNode manifest = new ObjectMapper().readTree(new String(aws.objects.get(manifestKey), StandardCharsets.UTF_8));
        assertThat(manifest.path("entries")).extracting(entry -> entry.path("url").asText()).containsExactly(
                "s3://sparkify-data/log_data/2018/11/2018-11-01-events.json",
                "s3://sparkify-data/log_data/2018/11/2018-11-02-events.json");
        assertThat(result[1]).containsPattern("stage events\\s+12\\s+0").containsPattern("songplays\\s+42");
    }

    @Test
    void aServerlessWorkgroupIsNamedInEverySubmission() {
        String[] result = run("--workgroup", "sparkify-wg", "--database", "analytics");

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(aws.submissions).allSatisfy(submission -> {
            assertThat(submission.request().path("WorkgroupName").asText()).isEqualTo("sparkify-wg");
            assertThat(submission.request().path("Database").asText()).isEqualTo("analytics");
            assertThat(submission.request().has("ClusterIdentifier")).isFalse();
        });
    }

    @Test
    void missingOrContradictoryOptionsAreRefusedBeforeAnyCall() {
        assertThat(run()[2]).contains("exactly one of --cluster and --workgroup");
        assertThat(run("--cluster", "c", "--workgroup", "w")[2]).contains("exactly one of --cluster and --workgroup");
        assertThat(run("--workgroup", "w", "--db-user", "u")[2]).contains("--db-user is for a provisioned cluster");
        assertThat(aws.submissions).isEmpty();
    }
}
