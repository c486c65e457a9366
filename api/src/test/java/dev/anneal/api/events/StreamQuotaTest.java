package dev.anneal.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamQuotaTest {

    @Test
    void capsStreamsPerTokenAndGivesPlacesBack() {
        StreamQuota quota = new StreamQuota(2);
        assertThat(quota.tryAcquire(7L)).isTrue();
        assertThat(quota.tryAcquire(7L)).isTrue();
        assertThat(quota.tryAcquire(7L)).as("third stream of one token").isFalse();
        assertThat(quota.tryAcquire(8L)).as("another token has its own places").isTrue();

        quota.release(7L);
        assertThat(quota.open(7L)).isEqualTo(1);
        assertThat(quota.tryAcquire(7L)).isTrue();

        quota.release(8L);
        quota.release(8L);
        assertThat(quota.open(8L)).as("never below zero").isZero();
    }

    @Test
    void withoutTokensEveryStreamSharesOneCap() {
        StreamQuota quota = new StreamQuota(1);
        assertThat(quota.tryAcquire(null)).isTrue();
        assertThat(quota.tryAcquire(null)).isFalse();
    }
}
