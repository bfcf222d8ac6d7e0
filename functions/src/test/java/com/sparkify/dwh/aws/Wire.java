package com.sparkify.dwh.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/** Shared pieces of the wire tests: a WireMock server on a free port, fixtures, fast SDK retries. */
final class Wire {

    static final AwsCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDTEST", "test-secret");
    static final String AMZ_JSON = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    static URI endpoint(WireMockServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * The SDK's own retry strategy (same attempts, same retry conditions) without its backoff, so a
     * test of four attempts takes milliseconds, not seconds; no circuit breaker to carry across tests.
     */
    static RetryStrategy fastRetries() {
        return AwsRetryStrategy.legacyRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .circuitBreakerEnabled(false)
                .build();
    }

    static String fixture(String name) {
        try (InputStream in = Wire.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture wire/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
