package com.sparkify.dwh.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class S3UriTest {

    @ParameterizedTest
    @CsvSource(value = {
        "s3://udacity-dend/log_data/, udacity-dend, log_data/",
        "s3://udacity-dend/log_data/2018/11/2018-11-01-events.json, udacity-dend, log_data/2018/11/2018-11-01-events.json",
        "s3://bucket/, bucket, ''",
        "s3://bucket, bucket, ''",
        "s3://bucket/a//b, bucket, a//b",
        "s3://bucket/it's; --, bucket, it's; --",
    })
    void parses(String uri, String bucket, String key) {
        S3Uri parsed = S3Uri.parse(uri);
        assertThat(parsed.bucket()).isEqualTo(bucket);
        assertThat(parsed.key()).isEqualTo(key);
    }

    @Test
    void printsAsAnS3Uri() {
        assertThat(S3Uri.of("b", "log_data/").toString()).isEqualTo("s3://b/log_data/");
        assertThat(S3Uri.of("b", "").toString()).isEqualTo("s3://b/");
        assertThat(S3Uri.parse("s3://b/x/y.json")).isEqualTo(S3Uri.of("b", "x/y.json"));
        assertThat(S3Uri.parse(S3Uri.of("b", "k/").toString())).isEqualTo(S3Uri.of("b", "k/"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "udacity-dend/log_data", "S3://b/k", "https://b.s3.amazonaws.com/k", "s3:/b/k"})
    void refusesWhatIsNotAnS3Uri(String uri) {
        assertThatThrownBy(() -> S3Uri.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an s3:// URI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://", "s3:///key"})
    void refusesAnUriWithoutBucket(String uri) {
        assertThatThrownBy(() -> S3Uri.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bucket");
    }
}
