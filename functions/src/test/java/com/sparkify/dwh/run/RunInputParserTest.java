package com.sparkify.dwh.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sparkify.dwh.run.RunInput.Manual;
import com.sparkify.dwh.run.RunInput.Manual.Mode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of state machine input, from the fixtures in events/, and the errors for anything else. */
class RunInputParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RunInputParser parser = new RunInputParser(MAPPER);

    /** A fixture of events/, read from the project root (tests run in the functions module's folder). */
    static JsonNode event(String name) throws IOException {
        return MAPPER.readTree(Path.of("..", "events", name).toFile());
    }

    private RunInput parse(String json) throws IOException {
        return parser.parse(MAPPER.readTree(json));
    }

    // ---- the schedule ----

    @Test
    void scheduleEventBecomesAScheduledEventWithItsFields() throws IOException {
        RunInput input = parser.parse(event("schedule.json"));

        assertThat(input).isInstanceOf(RunInput.Scheduled.class);
        ScheduledEvent event = ((RunInput.Scheduled) input).event();
        assertThat(event.getId()).isEqualTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
        assertThat(event.getVersion()).isEqualTo("0");
        assertThat(event.getAccount()).isEqualTo("123456789012");
        assertThat(event.getRegion()).isEqualTo("us-west-2");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getTime()).isNotNull();
        assertThat(Instant.ofEpochMilli(event.getTime().getMillis())).isEqualTo(Instant.parse("2018-12-01T03:00:00Z"));
        assertThat(event.getResources())
                .containsExactly("arn:aws:events:us-west-2:123456789012:rule/sparkify-dwh-EtlStateMachineSchedule");
        assertThat(event.getDetail()).isEmpty();
    }

    @Test
    void scheduleEventWithoutTimeOrResourcesStillParses() throws IOException {
        RunInput input = parse("{\"source\": \"aws.events\", \"detail-type\": \"Scheduled Event\"}");

        ScheduledEvent event = ((RunInput.Scheduled) input).event();
        assertThat(event.getTime()).isNull();
        assertThat(event.getResources()).isEmpty();
        assertThat(event.getId()).isNull();
    }

    // ---- S3 Object Created ----

    @Test
    void s3ObjectCreatedForALogFile() throws IOException {
        assertThat(parser.parse(event("s3-object-created-log.json"))).isEqualTo(new RunInput.ObjectCreated(
                "sparkify-local", "log_data/2018/11/2018-11-12-events.json", 234012,
                "b1946ac92492d2347c6235b4d2611184"));
    }

    @Test
    void s3ObjectCreatedForASongFile() throws IOException {
        assertThat(parser.parse(event("s3-object-created-song.json"))).isEqualTo(new RunInput.ObjectCreated(
                "sparkify-local", "song_data/A/A/A/TRAAAAW128F429D538.json", 261,
                "5d41402abc4b2a76b9719d911017c592"));
    }

    @Test
    void s3ObjectCreatedKeepsTheKeyAsSent() throws IOException {
        // Decoding is the planner's business (it tries the key as given first).
        RunInput input = parse("""
                {"source": "aws.s3", "detail-type": "Object Created",
                 "detail": {"bucket": {"name": "b"}, "object": {"key": "log_data/a+b%20c.json"}}}""");

        assertThat(input).isEqualTo(new RunInput.ObjectCreated("b", "log_data/a+b%20c.json", -1, null));
    }

    @Test
    void s3ObjectCreatedWithoutBucketOrKeyIsAnError() {
        assertThatThrownBy(() -> parse("""
                {"source": "aws.s3", "detail-type": "Object Created", "detail": {"bucket": {"name": "b"}}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detail.object.key");
        assertThatThrownBy(() -> parse("""
                {"source": "aws.s3", "detail-type": "Object Created", "detail": {"object": {"key": "k"}}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detail.bucket.name");
    }

    // ---- manual inputs ----

    @Test
    void manualFull() throws IOException {
        assertThat(parser.parse(event("manual-full.json"))).isEqualTo(new Manual(Mode.FULL, null, null));
    }

    @Test
    void manualReset() throws IOException {
        assertThat(parser.parse(event("manual-reset.json"))).isEqualTo(new Manual(Mode.RESET, null, null));
    }

    @Test
    void manualBackfill() throws IOException {
        assertThat(parser.parse(event("manual-backfill.json")))
                .isEqualTo(new Manual(Mode.BACKFILL, LocalDate.of(2018, 11, 5), LocalDate.of(2018, 11, 11)));
    }

    @Test
    void backfillOfOneDay() throws IOException {
        assertThat(parse("{\"mode\": \"backfill\", \"from\": \"2018-11-30\", \"to\": \"2018-11-30\"}"))
                .isEqualTo(new Manual(Mode.BACKFILL, LocalDate.of(2018, 11, 30), LocalDate.of(2018, 11, 30)));
    }

    @Test
    void modeIsCaseInsensitive() throws IOException {
        assertThat(parse("{\"mode\": \"Reset\"}")).isEqualTo(new Manual(Mode.RESET, null, null));
        assertThat(parse("{\"mode\": \"FULL\"}")).isEqualTo(new Manual(Mode.FULL, null, null));
    }

    @Test
    void emptyObjectIsAFullLoad() throws IOException {
        assertThat(parse("{}")).isEqualTo(new Manual(Mode.FULL, null, null));
    }

    @Test
    void noInputAtAllIsAFullLoad() {
        assertThat(parser.parse(null)).isEqualTo(new Manual(Mode.FULL, null, null));
        assertThat(parser.parse(NullNode.getInstance())).isEqualTo(new Manual(Mode.FULL, null, null));
    }

    // ---- errors ----

    @Test
    void unknownModeNamesItAndTheKnownOnes() {
        assertThatThrownBy(() -> parse("{\"mode\": \"nightly\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown mode \"nightly\"")
                .hasMessageContaining("\"full\"").hasMessageContaining("\"reset\"").hasMessageContaining("\"backfill\"");
    }

    @Test
    void emptyModeIsUnknown() {
        assertThatThrownBy(() -> parse("{\"mode\": \"\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown mode \"\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-13-01", "2018-11-31", "05/11/2018", "2018-11-05T00:00:00Z", "yesterday", ""})
    void badDateNamesTheFieldAndTheValue(String date) {
        assertThatThrownBy(() -> parse("{\"mode\": \"backfill\", \"from\": \"" + date + "\", \"to\": \"2018-11-30\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"from\" must be a date like 2018-11-05")
                .hasMessageContaining("got \"" + date + "\"");
        assertThatThrownBy(() -> parse("{\"mode\": \"backfill\", \"from\": \"2018-11-01\", \"to\": \"" + date + "\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"to\" must be a date");
    }

    @Test
    void numericDateIsBad() {
        assertThatThrownBy(() -> parse("{\"mode\": \"backfill\", \"from\": 20181105, \"to\": \"2018-11-30\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"from\" must be a date")
                .hasMessageContaining("20181105");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"mode\": \"backfill\"}",
        "{\"mode\": \"backfill\", \"from\": \"2018-11-05\"}",
        "{\"mode\": \"backfill\", \"to\": \"2018-11-05\"}",
        "{\"mode\": \"backfill\", \"from\": null, \"to\": \"2018-11-05\"}"})
    void backfillWithoutBothDatesIsAnError(String json) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a backfill needs \"from\" and \"to\" dates (YYYY-MM-DD)");
    }

    @Test
    void backfillEndingBeforeItStartsIsAnError() {
        assertThatThrownBy(() -> parse("{\"mode\": \"backfill\", \"from\": \"2018-11-10\", \"to\": \"2018-11-05\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"to\" 2018-11-05 is before \"from\" 2018-11-10");
    }

    @Test
    void unknownShapeNamesItsKeysAndWhatWasExpected() {
        assertThatThrownBy(() -> parse("{\"start\": \"2018-11-05\", \"dataset\": \"logs\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unrecognised run input")
                .hasMessageContaining("Scheduled Event")
                .hasMessageContaining("Object Created")
                .hasMessageContaining("\"mode\"")
                .hasMessageContaining("got keys [start, dataset]");
    }

    @Test
    void otherEventBridgeEventsAreNotRunInputs() {
        assertThatThrownBy(() -> parse("""
                {"source": "aws.s3", "detail-type": "Object Deleted", "detail": {"bucket": {"name": "b"},
                 "object": {"key": "log_data/x.json"}}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got keys [source, detail-type, detail]");
        assertThatThrownBy(() -> parse("{\"source\": \"aws.s3\", \"detail-type\": \"Scheduled Event\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unrecognised run input");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"mode\": \"full\"}]", "\"full\"", "42", "true"})
    void nonObjectInputIsAnError(String json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        assertThatThrownBy(() -> parser.parse(node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run input must be a JSON object, got " + node.getNodeType());
    }
}
