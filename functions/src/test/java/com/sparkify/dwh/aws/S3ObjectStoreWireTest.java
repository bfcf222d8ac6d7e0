package com.sparkify.dwh.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sparkify.dwh.store.ObjectNotFoundException;
import com.sparkify.dwh.store.ObjectSummary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The object store over the real S3 client, against a path-style stub. */
class S3ObjectStoreWireTest {

    private static final String BUCKET = "sparkify-data";
    private static final String XML = "application/xml";

    private static WireMockServer server;
    private S3Client s3;
    private S3ObjectStore store;

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
        s3 = AwsClients.s3(Wire.endpoint(server), Wire.CREDENTIALS, Wire.fastRetries());
        store = new S3ObjectStore(s3, BUCKET);
    }

    @AfterEach
    void closeClient() {
        s3.close();
    }

    @Test
    void listsEveryPageInS3OrderWithBareETags() {
        server.stubFor(get(urlPathEqualTo("/" + BUCKET)).atPriority(5)
                .withQueryParam("list-type", equalTo("2"))
                .withQueryParam("prefix", equalTo("log_data/"))
                .withQueryParam("continuation-token", absent())
                .willReturn(aResponse().withHeader("Content-Type", XML).withBody(Wire.fixture("s3-list-page-1.xml"))));
        server.stubFor(get(urlPathEqualTo("/" + BUCKET)).atPriority(1)
                .withQueryParam("list-type", equalTo("2"))
                .withQueryParam("continuation-token", equalTo("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="))
                .willReturn(aResponse().withHeader("Content-Type", XML).withBody(Wire.fixture("s3-list-page-2.xml"))));

        List<ObjectSummary> objects = store.list("log_data/");

        assertThat(objects).containsExactly(
                new ObjectSummary("log_data/2018/11/2018-11-01-events.json", 7151, "9b2cf535f27731c974343645a3985328"),
                new ObjectSummary("log_data/2018/11/2018-11-02-events.json", 0, "d41d8cd98f00b204e9800998ecf8427e-2"),
                new ObjectSummary("log_data/2018/12/2018-12-01-events.json", 2048, "0cc175b9c0f1b6a831c399e269772661"));
        server.verify(2, getRequestedFor(urlPathEqualTo("/" + BUCKET)));
    }

    @Test
    void readsAnObject() throws IOException {
        server.stubFor(get(urlPathEqualTo("/" + BUCKET + "/song_data/A/A/A/TRAAAAW128F429D538.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"abc\"").withBody("{\"song_id\":\"SOMZWCG12A8C13C480\"}")));

        try (InputStream in = store.read("song_data/A/A/A/TRAAAAW128F429D538.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"song_id\":\"SOMZWCG12A8C13C480\"}");
        }
    }

    @Test
    void aMissingKeyIsObjectNotFoundNamingTheS3Uri() {
        server.stubFor(get(urlPathEqualTo("/" + BUCKET + "/manifests/run-1/songs.manifest"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", XML)
                        .withBody(Wire.fixture("s3-no-such-key.xml"))));

        assertThatThrownBy(() -> store.read("manifests/run-1/songs.manifest"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("no object s3://sparkify-data/manifests/run-1/songs.manifest");
        // A 404 is final: the SDK does not retry it.
        server.verify(1, getRequestedFor(urlPathEqualTo("/" + BUCKET + "/manifests/run-1/songs.manifest")));
    }

    @Test
    void writesJsonWithItsContentTypeAndARawBody() {
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/.*")).willReturn(aResponse().withHeader("ETag", "\"e\"")));
        byte[] manifest = "{\"entries\":[{\"url\":\"s3://sparkify-data/log_data/a.json\",\"mandatory\":true}]}"
                .getBytes(StandardCharsets.UTF_8);

        store.write("manifests/run-1/plan.json", manifest);
        store.write("manifests/run-1/songs.manifest", manifest);
        store.write("exports/users.csv", new byte[] {1, 2, 3});

        LoggedRequest json = onlyPut("/" + BUCKET + "/manifests/run-1/plan.json");
        assertThat(json.getBody()).isEqualTo(manifest);
        assertThat(json.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(json.getHeader("Content-Length")).isEqualTo(String.valueOf(manifest.length));
        // Not aws-chunked: real S3 would accept either, but the body must be the bytes we wrote.
        assertThat(json.containsHeader("Content-Encoding")).isFalse();
        assertThat(onlyPut("/" + BUCKET + "/manifests/run-1/songs.manifest").getHeader("Content-Type"))
                .isEqualTo("application/json");
        LoggedRequest binary = onlyPut("/" + BUCKET + "/exports/users.csv");
        assertThat(binary.getBody()).containsExactly(1, 2, 3);
        assertThat(binary.getHeader("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void aKeyWithSpacesQuotesAndASemicolonRoundTrips() throws IOException {
        String key = "log_data/2018/11/O'Neil \"live\"; take 2.json";
        byte[] content = "{\"artist\":\"O'Neil\"}".getBytes(StandardCharsets.UTF_8);
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/.*")).willReturn(aResponse().withHeader("ETag", "\"e\"")));

        store.write(key, content);

        // The key reached S3 percent-encoded, as one path, and decodes back to itself.
        List<LoggedRequest> puts = server.findAll(putRequestedFor(urlPathMatching("/" + BUCKET + "/.*")));
        assertThat(puts).hasSize(1);
        String path = puts.get(0).getUrl();
        assertThat(path).doesNotContain(" ").doesNotContain("\"");
        assertThat(URLDecoder.decode(path.substring(("/" + BUCKET + "/").length()).replace("+", "%2B"),
                StandardCharsets.UTF_8)).isEqualTo(key);

        // S3 lists it URL-encoded (the SDK asks for encoding-type=url) and the SDK decodes it.
        server.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", XML).withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Name>" + BUCKET + "</Name><Prefix>log_data%2F</Prefix><EncodingType>url</EncodingType>"
                        + "<KeyCount>1</KeyCount><IsTruncated>false</IsTruncated><Contents><Key>"
                        + URLEncoder.encode(key, StandardCharsets.UTF_8) + "</Key><ETag>&quot;e&quot;</ETag>"
                        + "<Size>" + content.length + "</Size></Contents></ListBucketResult>")));
        assertThat(store.list("log_data/")).containsExactly(new ObjectSummary(key, content.length, "e"));

        // And is read back at the same encoded path.
        server.stubFor(get(urlPathEqualTo(puts.get(0).getUrl())).willReturn(aResponse().withBody(content)));
        try (InputStream in = store.read(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void needsABucket() {
        assertThatThrownBy(() -> new S3ObjectStore(s3, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.bucket()).isEqualTo(BUCKET);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static LoggedRequest onlyPut(String path) {
        List<LoggedRequest> requests = server.findAll(putRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).as("PUT %s", path).hasSize(1);
        return requests.get(0);
    }
}
