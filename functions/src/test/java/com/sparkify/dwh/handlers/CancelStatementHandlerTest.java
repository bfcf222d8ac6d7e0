package com.sparkify.dwh.handlers;

import static com.sparkify.dwh.handlers.HandlerTesting.invoke;
import static com.sparkify.dwh.handlers.HandlerTesting.lambdaEvent;
import static com.sparkify.dwh.handlers.HandlerTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.sparkify.dwh.warehouse.Warehouse;
import com.sparkify.dwh.warehouse.WarehouseThrottledException;
import org.junit.jupiter.api.Test;

class CancelStatementHandlerTest {

    private static final String ID = "d9b6c0c9-0747-4bf4-b142-e8883122f766";

    private final Warehouse warehouse = mock(Warehouse.class);
    private final PipelineMetrics metrics = mock(PipelineMetrics.class);
    private final CancelStatementHandler handler = new CancelStatementHandler(warehouse, metrics);

    @Test
    void cancelsTheStatement() {
        assertThat(invoke(handler, lambdaEvent("cancel-statement.json")))
                .isEqualTo(tree("{\"statementId\": \"" + ID + "\"}"));

        verify(warehouse).cancelStatement(ID);
        verifyNoMoreInteractions(warehouse);
        verify(metrics).count("StatementsCancelled", 1);
        verify(metrics).flush();
    }

    @Test
    void needsAStatementId() {
        assertThatThrownBy(() -> invoke(handler, "{\"statementId\": null}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CancelStatementHandler needs \"statementId\"");
        verifyNoInteractions(warehouse);
    }

    @Test
    void throttlingPropagatesUnchanged() {
        WarehouseThrottledException throttled = new WarehouseThrottledException("Rate exceeded", null);
        doThrow(throttled).when(warehouse).cancelStatement(ID);

        assertThatThrownBy(() -> invoke(handler, lambdaEvent("cancel-statement.json"))).isSameAs(throttled);
        verify(metrics).flush();
    }
}
