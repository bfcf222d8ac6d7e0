package com.sparkify.dwh.run;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * Recognises a state machine's input: an EventBridge "Scheduled Event", an EventBridge S3
 * "Object Created" event, or a manual input such as {@code {"mode": "backfill", "from": "2018-11-05",
 * "to": "2018-11-10"}}. An empty object (StartExecution without input) is a full load. Anything else is
 * an error that says what was expected.
 */
public final class RunInputParser {

    private final ObjectMapper mapper;

    public RunInputParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public RunInput parse(JsonNode input) {
        if (input == null || input.isNull() || (input.isObject() && input.isEmpty())) {
            return new RunInput.Manual(RunInput.Manual.Mode.FULL, null, null);
        }
        if (!input.isObject()) {
            throw new IllegalArgumentException("run input must be a JSON object, got " + input.getNodeType());
        }
        String source = input.path("source").asText("");
        String detailType = input.path("detail-type").asText("");
        if (source.equals("aws.events") && detailType.equals("Scheduled Event")) {
            return new RunInput.Scheduled(scheduledEvent(input));
        }
        if (source.equals("aws.s3") && detailType.equals("Object Created")) {
            return objectCreated(input.path("detail"));
        }
        if (input.has("mode")) {
            return manual(input);
        }
        throw new IllegalArgumentException("unrecognised run input: expected an EventBridge \"Scheduled Event\", an S3"
                + " \"Object Created\" event, or {\"mode\": \"full\" | \"reset\" | \"backfill\", ...}; got keys "
                + fieldNames(input));
    }

    private ScheduledEvent scheduledEvent(JsonNode input) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(input.path("id").asText(null));
        event.setVersion(input.path("version").asText(null));
        event.setAccount(input.path("account").asText(null));
        event.setRegion(input.path("region").asText(null));
        event.setSource(input.path("source").asText(null));
        event.setDetailType(input.path("detail-type").asText(null));
        if (input.hasNonNull("time")) {
            event.setTime(DateTime.parse(input.get("time").asText()));
        }
        List<String> resources = new ArrayList<>();
        input.path("resources").forEach(resource -> resources.add(resource.asText()));
        event.setResources(resources);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = mapper.convertValue(input.path("detail"), Map.class);
        event.setDetail(detail);
        return event;
    }

    private static RunInput.ObjectCreated objectCreated(JsonNode detail) {
        String bucket = detail.path("bucket").path("name").asText("");
        JsonNode object = detail.path("object");
        String key = object.path("key").asText("");
        if (bucket.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("S3 Object Created event without detail.bucket.name or detail.object.key");
        }
        return new RunInput.ObjectCreated(bucket, key, object.path("size").asLong(-1), object.path("etag").asText(null));
    }

    private static RunInput.Manual manual(JsonNode input) {
        String mode = input.path("mode").asText("").toUpperCase(Locale.ROOT);
        RunInput.Manual.Mode parsed;
        try {
            parsed = RunInput.Manual.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode \"" + input.path("mode").asText()
                    + "\": expected \"full\", \"reset\" or \"backfill\"");
        }
        return new RunInput.Manual(parsed, date(input, "from"), date(input, "to"));
    }

    private static LocalDate date(JsonNode input, String field) {
        if (!input.hasNonNull(field)) {
            return null;
        }
        try {
            return LocalDate.parse(input.get(field).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" must be a date like 2018-11-05, got \""
                    + input.get(field).asText() + "\"");
        }
    }

    private static List<String> fieldNames(JsonNode input) {
        List<String> names = new ArrayList<>();
        input.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
