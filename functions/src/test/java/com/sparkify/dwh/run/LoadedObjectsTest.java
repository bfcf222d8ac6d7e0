package com.sparkify.dwh.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadedObjectsTest {

    private static final String LOG = "s3://sparkify-local/log_data/2018/11/2018-11-12-events.json";

    @Test
    void anObjectIsHeldOnlyWithItsUriAndETagTogether() {
        LoadedObjects loaded = new LoadedObjects().add(LOG, "b1946ac92492d2347c6235b4d2611184");

        assertThat(loaded.contains(LOG, "b1946ac92492d2347c6235b4d2611184")).isTrue();
        assertThat(loaded.contains(LOG, "0f343b0931126a20f133d67c2b018a3b")).isFalse();
        assertThat(loaded.contains(LOG, null)).isFalse();
        assertThat(loaded.contains(LOG.replace("11-12", "11-13"), "b1946ac92492d2347c6235b4d2611184")).isFalse();
        assertThat(loaded.contains("s3://other-bucket/log_data/2018/11/2018-11-12-events.json",
                "b1946ac92492d2347c6235b4d2611184")).isFalse();
    }

    @Test
    void theSameObjectTwiceIsOneAndTwoETagsOfOneKeyAreTwo() {
        LoadedObjects loaded = new LoadedObjects().add(LOG, "v1").add(LOG, "v1");
        assertThat(loaded.size()).isEqualTo(1);

        loaded.add(LOG, "v2");

        assertThat(loaded.size()).isEqualTo(2);
        assertThat(loaded.contains(LOG, "v1")).isTrue();
        assertThat(loaded.contains(LOG, "v2")).isTrue();
    }

    @Test
    void uriAndETagDoNotRunTogether() {
        // "…json" + "x" as the ETag must not be the object "…jsonx" without one
        LoadedObjects loaded = new LoadedObjects().add(LOG, "x");

        assertThat(loaded.contains(LOG + "x", null)).isFalse();
        assertThat(loaded.contains(LOG + "x", "")).isFalse();
    }

    @Test
    void anObjectWithoutAnETagIsHeldWithoutOne() {
        LoadedObjects loaded = new LoadedObjects().add(LOG, null);

        assertThat(loaded.contains(LOG, null)).isTrue();
        assertThat(loaded.contains(LOG, "v1")).isFalse();
    }

    @Test
    void noneHoldsNothing() {
        assertThat(LoadedObjects.NONE.size()).isZero();
        assertThat(LoadedObjects.NONE.contains(LOG, "v1")).isFalse();
    }
}
