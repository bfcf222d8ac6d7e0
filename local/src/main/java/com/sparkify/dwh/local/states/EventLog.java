package com.sparkify.dwh.local.states;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of one execution. Events get consecutive ids; the listener hears them one at a time, in id
 * order, from whichever thread produced them (delivery happens under the log's lock). A listener that
 * throws does not disturb the execution.
 */
final class EventLog {
    private final ExecutionListener listener;
    private final List<HistoryEvent> events = new ArrayList<>();
    private long nextId = 1;

    EventLog(ExecutionListener listener) {
        this.listener = listener == null ? ExecutionListener.NONE : listener;
    }

    synchronized HistoryEvent add(String type, String stateName, String details) {
        HistoryEvent event = new HistoryEvent(nextId++, Instant.now(), type, stateName, details);
        events.add(event);
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // a listener's failure is its own business
        }
        return event;
    }

    synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }
}
