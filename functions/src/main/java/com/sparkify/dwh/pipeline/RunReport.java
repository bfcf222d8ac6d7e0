package com.sparkify.dwh.pipeline;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A finished run: its steps in order, the row count of every table afterwards, and the total time. */
public record RunReport(List<StepReport> steps, Map<String, Long> tableCounts, Duration elapsed) {

    public RunReport {
        steps = List.copyOf(steps);
        tableCounts = Collections.unmodifiableMap(new LinkedHashMap<>(tableCounts)); // keeps the report's order
    }

    public StepReport step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + name));
    }
}
