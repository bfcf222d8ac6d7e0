package com.sparkify.dwh.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The SDK clients. In Lambda each is built once per execution environment, on first use, and shared by
 * every invocation (building one costs tens of milliseconds of cold start). The URL-connection HTTP
 * client is the smallest and starts fastest; the Apache and Netty clients are not on the classpath.
 */
public final class AwsClients {

    /** Stubs ignore the region, but the SDK signs requests with one. */
    private static final Region STUB_REGION = Region.US_EAST_1;

    private AwsClients() {
    }

    /** The Data API client for this Lambda (region from AWS_REGION, default credentials). */
    public static RedshiftDataClient redshiftData() {
        return RedshiftDataHolder.CLIENT;
    }

    /** The S3 client for this Lambda (region from AWS_REGION, default credentials). */
    public static S3Client s3() {
        return S3Holder.CLIENT;
    }

    /** A new Data API client for a stub at {@code endpoint} (tests, local emulators), SDK default retries. */
    public static RedshiftDataClient redshiftData(URI endpoint, AwsCredentials credentials) {
        return redshiftData(endpoint, credentials, null);
    }

    /** As {@link #redshiftData(URI, AwsCredentials)} with a retry strategy (null: the SDK's default). */
    public static RedshiftDataClient redshiftData(URI endpoint, AwsCredentials credentials, RetryStrategy retry) {
        var builder = RedshiftDataClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(STUB_REGION)
                .credentialsProvider(StaticCredentialsProvider.create(credentials));
        if (retry != null) {
            builder.overrideConfiguration(o -> o.retryStrategy(retry));
        }
        return builder.build();
    }

    /** A new S3 client for a stub at {@code endpoint} (tests, local emulators), SDK default retries. */
    public static S3Client s3(URI endpoint, AwsCredentials credentials) {
        return s3(endpoint, credentials, null);
    }

    /**
     * As {@link #s3(URI, AwsCredentials)} with a retry strategy (null: the SDK's default). Stubs serve
     * {@code /bucket/key} paths, not bucket host names; over plain http the SDK would otherwise sign
     * an aws-chunked body and add CRC checksums a stub does not understand.
     */
    public static S3Client s3(URI endpoint, AwsCredentials credentials, RetryStrategy retry) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(STUB_REGION)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .forcePathStyle(true)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (retry != null) {
            builder.overrideConfiguration(o -> o.retryStrategy(retry));
        }
        return builder.build();
    }

    /**
     * Lambda always sets AWS_REGION; reading it directly skips the SDK's region lookup chain. Elsewhere
     * (a developer's machine) the SDK's chain decides: AWS_REGION, the profile, ...
     */
    private static Region lambdaRegion() {
        String region = System.getenv("AWS_REGION");
        return region == null || region.isBlank() ? null : Region.of(region);
    }

    // Holders: the JVM builds each client once, thread-safely, the first time it is asked for.
    private static final class RedshiftDataHolder {
        static final RedshiftDataClient CLIENT = RedshiftDataClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(lambdaRegion())
                .build();
    }

    private static final class S3Holder {
        // The data bucket may live in another region than the stack (DATA_REGION): follow S3's
        // redirect to the bucket's region instead of failing with PermanentRedirect.
        static final S3Client CLIENT = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(lambdaRegion())
                .crossRegionAccessEnabled(true)
                .build();
    }
}
