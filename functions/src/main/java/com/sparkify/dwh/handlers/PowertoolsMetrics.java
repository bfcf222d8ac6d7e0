package com.sparkify.dwh.handlers;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Counts as CloudWatch embedded-metric-format logs, namespace from POWERTOOLS_METRICS_NAMESPACE. */
final class PowertoolsMetrics implements PipelineMetrics {

    private final Metrics metrics = MetricsFactory.getMetricsInstance();
    private volatile boolean counted;

    @Override
    public void count(String name, double value) {
        metrics.addMetric(name, value, MetricUnit.COUNT);
        counted = true;
    }

    @Override
    public void flush() {
        if (counted) { // an empty flush only warns
            metrics.flush();
            counted = false;
        }
    }
}
