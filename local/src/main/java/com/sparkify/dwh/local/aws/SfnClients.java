package com.sparkify.dwh.local.aws;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The Step Functions client of {@code ./sparkify aws}: the URL-connection HTTP client (the only one on
 * the classpath: functions/ keeps Apache and Netty out) and the default credentials chain.
 */
public final class SfnClients {

    private SfnClients() {
    }

    /**
     * @param region   --region, or null for the default chain (AWS_REGION, the profile)
     * @param endpoint --endpoint-url (a stub, LocalStack), or null for the region's endpoint
     * @param arn      the state machine or execution the command is about: its region is the last resort
     */
    public static SfnClient create(String region, URI endpoint, String arn) {
        var builder = SfnClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(region(region, arn, SfnClients::configuredRegion));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /**
     * --region, else the default chain, else the ARN's own region: a Step Functions ARN names where it
     * lives, so a user who has set no region still reaches it instead of getting "Unable to load region".
     */
    static Region region(String explicit, String arn, Supplier<Optional<Region>> configured) {
        if (explicit != null && !explicit.isBlank()) {
            return Region.of(explicit.strip());
        }
        Optional<Region> chain = configured.get();
        if (chain.isPresent()) {
            return chain.get();
        }
        String[] parts = arn == null ? new String[0] : arn.split(":", -1);
        if (parts.length > 3 && parts[0].equals("arn") && !parts[3].isEmpty()) {
            return Region.of(parts[3]);
        }
        throw new IllegalArgumentException("no AWS region: give --region or set AWS_REGION");
    }

    private static Optional<Region> configuredRegion() {
        try {
            return Optional.ofNullable(new DefaultAwsRegionProviderChain().getRegion());
        } catch (SdkClientException none) {
            return Optional.empty();
        }
    }
}
