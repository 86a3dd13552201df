package io.roamdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnowflakeTest {

    @Test
    void idsCarryTheirTimestampAndSortByTime() {
        long t = 1_795_000_000_000L;
        long a = Snowflake.compose(t, 3, 7);
        long b = Snowflake.compose(t + 1, 0, 0);
        assertThat(Snowflake.timestampOf(a)).isEqualTo(t);
        assertThat(b).isGreaterThan(a);
        assertThat(a).isPositive();
    }

    @Test
    void aTimeRangeMapsOntoAnIdRange() {
        long t = 1_795_000_000_000L;
        long id = Snowflake.compose(t, 512, 100);
        assertThat(id).isBetween(Snowflake.firstIdAt(t), Snowflake.lastIdAt(t));
        assertThat(Snowflake.lastIdAt(t - 1)).isLessThan(Snowflake.firstIdAt(t));
    }

    @Test
    void timestampsBeforeTheEpochAreRefused() {
        assertThatThrownBy(() -> Snowflake.compose(Snowflake.EPOCH_MS - 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
