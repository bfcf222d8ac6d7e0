package com.sparkify.dwh.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {

    @Test
    void theLambdaClientsAreBuiltOnceInTheLambdasRegion() {
        // Lambda sets AWS_REGION; here, without it, the SDK's chain falls back to the aws.region property.
        String lambdaRegion = System.getenv("AWS_REGION");
        String previous = System.getProperty("aws.region");
        System.setProperty("aws.region", "eu-west-1");
        try {
            Region expected = Region.of(lambdaRegion == null || lambdaRegion.isBlank() ? "eu-west-1" : lambdaRegion);

            assertThat(AwsClients.redshiftData()).isSameAs(AwsClients.redshiftData());
            assertThat(AwsClients.s3()).isSameAs(AwsClients.s3());
            assertThat(AwsClients.redshiftData().serviceClientConfiguration().region()).isEqualTo(expected);
            assertThat(AwsClients.s3().serviceClientConfiguration().region()).isEqualTo(expected);
        } finally {
            if (previous == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", previous);
            }
        }
    }
}
