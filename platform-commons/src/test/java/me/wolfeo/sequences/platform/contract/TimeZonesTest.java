package me.wolfeo.sequences.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimeZonesTest {

    @Test
    void anIanaNameIsAZone() {
        assertThat(TimeZones.named("America/New_York")).contains(ZoneId.of("America/New_York"));
        assertThat(TimeZones.named("Europe/Dublin")).contains(ZoneId.of("Europe/Dublin"));
        assertThat(TimeZones.named("UTC")).contains(ZoneId.of("UTC"));
    }

    @Test
    void offsetsAbbreviationsMisspellingsAndNothingAreNot() {
        assertThat(TimeZones.named("+02:00")).isEmpty();
        assertThat(TimeZones.named("Z")).isEmpty();
        assertThat(TimeZones.named("UTC+2")).isEmpty();
        assertThat(TimeZones.named("GMT-5")).isEmpty();
        assertThat(TimeZones.named("EST")).isEmpty();
        assertThat(TimeZones.named("america/new_york")).isEmpty();
        assertThat(TimeZones.named("Mars/Olympus_Mons")).isEmpty();
        assertThat(TimeZones.named("")).isEmpty();
        assertThat(TimeZones.named(null)).isEmpty();
    }

    @Test
    void theMessageIsWordedLikeTheOtherFieldMessages() {
        assertThat(TimeZones.invalidMessage("timezone")).isEqualTo("The timezone field must be a valid timezone.");
    }
}
