package com.sparkify.dwh.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Which region ./sparkify aws calls. */
class SfnClientsTest {

    private static final String ARN = "arn:aws:states:eu-west-1:123456789012:stateMachine:EtlStateMachine-Xq3LmZ8pT2aB";

    @Test
    void regionOptionFirstThenTheDefaultChainThenTheArnsOwnRegion() {
        assertThat(SfnClients.region("us-east-2", ARN, () -> Optional.of(Region.AP_SOUTH_1))).isEqualTo(Region.US_EAST_2);
        assertThat(SfnClients.region(null, ARN, () -> Optional.of(Region.AP_SOUTH_1))).isEqualTo(Region.AP_SOUTH_1);
        assertThat(SfnClients.region(null, ARN, Optional::empty)).isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void noRegionAnywhereIsAClearError() {
        assertThatThrownBy(() -> SfnClients.region(null, "not-an-arn", Optional::empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no AWS region: give --region or set AWS_REGION");
    }
}
