package com.sparkify.dwh.pipeline;

import java.time.Duration;

/**
 * What one step did.
 *
 * @param rows     rows copied (stage), inserted (load) or checked problems (check); -1 when not relevant
 * @param rejected rows a COPY rejected and recorded in stl_load_errors; -1 for other steps
 */
public record StepReport(String name, long rows, long rejected, Duration elapsed) {
}
