package com.sparkify.dwh.run;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.LocalDate;

/** What started a run: the schedule, a new object in the bucket, or a person. */
public sealed interface RunInput permits RunInput.Scheduled, RunInput.ObjectCreated, RunInput.Manual {

    /** An EventBridge schedule fired: load everything under the prefixes. */
    record Scheduled(ScheduledEvent event) implements RunInput {
    }

    /** An S3 "Object Created" event delivered by EventBridge. */
    record ObjectCreated(String bucket, String key, long size, String eTag) implements RunInput {
    }

    /** A manual start: a full load, a reset (drop and reload everything), or a backfill of log days. */
    record Manual(Mode mode, LocalDate from, LocalDate to) implements RunInput {

        public enum Mode { FULL, RESET, BACKFILL }

        public Manual {
            if (mode == Mode.BACKFILL) {
                if (from == null || to == null) {
                    throw new IllegalArgumentException("a backfill needs \"from\" and \"to\" dates (YYYY-MM-DD)");
                }
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("backfill \"to\" " + to + " is before \"from\" " + from);
                }
            }
        }
    }
}
