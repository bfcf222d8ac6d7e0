package com.sparkify.dwh.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sparkify.dwh.warehouse.WarehouseException;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/** Client-side failures no stub can produce. */
class RedshiftDataWarehouseTest {

    private final RedshiftDataClient client = mock(RedshiftDataClient.class);
    private final RedshiftDataWarehouse warehouse =
            new RedshiftDataWarehouse(client, RedshiftTarget.cluster("sparkify", "dev", null, null));

    @Test
    @SuppressWarnings("unchecked")
    void missingCredentialsAreNotWorthRetrying() {
        when(client.executeStatement(any(Consumer.class))).thenThrow(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));

        assertThatThrownBy(() -> warehouse.executeStatement("SELECT 1"))
                .isInstanceOf(WarehouseException.class)
                .isNotInstanceOf(WarehouseThrottledException.class)
                .hasMessage("ExecuteStatement failed: Unable to load credentials from any of the providers in the chain");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInterruptedConnectionIsWorthRetrying() {
        when(client.executeStatement(any(Consumer.class))).thenThrow(SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection reset")
                .cause(new java.net.SocketException("Connection reset")).build());

        assertThatThrownBy(() -> warehouse.executeStatement("SELECT 1"))
                .isInstanceOf(WarehouseThrottledException.class)
                .hasMessage("ExecuteStatement failed, try again later: Unable to execute HTTP request: Connection reset");
    }

    @Test
    void needsAClientAndATarget() {
        assertThatThrownBy(() -> new RedshiftDataWarehouse(null, RedshiftTarget.workgroup("wg", "dev", null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RedshiftDataWarehouse(client, null)).isInstanceOf(NullPointerException.class);
    }
}
