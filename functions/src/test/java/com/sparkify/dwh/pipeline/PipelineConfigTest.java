package com.sparkify.dwh.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.dwh.store.S3Uri;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    private static final S3Uri SONGS = S3Uri.parse("s3://b/song_data/");
    private static final S3Uri LOGS = S3Uri.parse("s3://b/log_data/");

    @Test
    void requiresEveryValue() {
        assertThatThrownBy(() -> new PipelineConfig(null, LOGS, "auto", "arn", "us-west-2", 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("songData");
        assertThatThrownBy(() -> new PipelineConfig(SONGS, null, "auto", "arn", "us-west-2", 0))
                .hasMessageContaining("logData");
        assertThatThrownBy(() -> new PipelineConfig(SONGS, LOGS, null, "arn", "us-west-2", 0))
                .hasMessageContaining("logJsonFormat");
        assertThatThrownBy(() -> new PipelineConfig(SONGS, LOGS, "auto", null, "us-west-2", 0))
                .hasMessageContaining("iamRole");
        assertThatThrownBy(() -> new PipelineConfig(SONGS, LOGS, "auto", "arn", null, 0))
                .hasMessageContaining("region");
    }

    @Test
    void refusesNegativeMaxErrors() {
        assertThatThrownBy(() -> new PipelineConfig(SONGS, LOGS, "auto", "arn", "us-west-2", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxErrors");
    }

    @Test
    void withMaxErrorsChangesOnlyThat() {
        PipelineConfig config = new PipelineConfig(SONGS, LOGS, PipelineConfig.AUTO_IGNORECASE, "arn", "us-west-2", 0);
        PipelineConfig changed = config.withMaxErrors(5);
        assertThat(changed.maxErrors()).isEqualTo(5);
        assertThat(changed).isEqualTo(new PipelineConfig(SONGS, LOGS, "auto ignorecase", "arn", "us-west-2", 5));
    }
}
