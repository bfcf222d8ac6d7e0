package com.sparkify.dwh.handlers;

import java.util.Map;

/** Every check and the rows violating it; all zero when {@code passed}. */
public record QualityReport(boolean passed, Map<String, Long> checks) {
}
