package com.sparkify.dwh.local.redshift;

import com.sparkify.dwh.aws.RedshiftDataWarehouse;
import com.sparkify.dwh.aws.RedshiftTarget;
import com.sparkify.dwh.aws.S3ObjectStore;
import com.sparkify.dwh.local.LocalPipeline;
import com.sparkify.dwh.pipeline.CopySettings;
import com.sparkify.dwh.run.PlannerSettings;
import java.net.URI;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The pipeline run from this machine against a real Redshift (through the Data API) and real buckets:
 * the laptop workflow of create_tables.py + etl.py scripts, with the deployed state machine and
 * handlers and nothing deployed. Credentials come from the usual AWS chain (environment, profile, SSO).
 */
public final class RedshiftConnection {

    /**
     * Where the warehouse and the data are.
     *
     * @param endpoint overrides the Data API and S3 endpoints (a stub, LocalStack); null for AWS
     */
    public record Options(RedshiftTarget target, String region, PlannerSettings planner, CopySettings copy,
                          URI endpoint) {
    }

    private RedshiftConnection() {
    }

    public static LocalPipeline open(Options options) {
        Region region = Region.of(options.region());
        var s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                .crossRegionAccessEnabled(true);
        if (options.endpoint() != null) {
            // Stubs serve /bucket/key paths and know nothing of aws-chunked bodies or extra checksums.
            s3.endpointOverride(options.endpoint()).forcePathStyle(true)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        RedshiftDataClient dataApiClient = dataApi(region, options.endpoint());
        S3Client s3Client = s3.build();
        PlannerSettings planner = options.planner();
        return LocalPipeline.withPorts(new RedshiftDataWarehouse(dataApiClient, options.target()),
                new S3ObjectStore(s3Client, planner.dataBucket()), new S3ObjectStore(s3Client, planner.workBucket()),
                planner, options.copy(), () -> {
                    dataApiClient.close();
                    s3Client.close();
                });
    }

    /** The Data API alone as the warehouse, no buckets: for commands that only run statements (a report). */
    public static LocalPipeline openWarehouse(RedshiftTarget target, String region, URI endpoint) {
        RedshiftDataClient client = dataApi(Region.of(region), endpoint);
        return LocalPipeline.withPorts(new RedshiftDataWarehouse(client, target), null, null, null, null, client::close);
    }

    private static RedshiftDataClient dataApi(Region region, URI endpoint) {
        var builder = RedshiftDataClient.builder().httpClient(UrlConnectionHttpClient.create()).region(region);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
