package com.sparkify.dwh.handlers;

/** What the handlers count. On Lambda, CloudWatch metrics through Powertools; in tests and locally, nothing. */
public interface PipelineMetrics {

    void count(String name, double value);

    /** Sends what was counted; called once per invocation. */
    void flush();

    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void count(String name, double value) {
        }

        @Override
        public void flush() {
        }
    };
}
