package dev.fleetsim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC section 2: a launch into an exhausted pool fails as InsufficientInstanceCapacity. */
final class CapacityPoolsTest {

    @Test
    void tryAcquire_whenPoolOfTwoIsFull_refusesTheThirdUntilOneIsReleased() {
        CapacityPools pools = CapacityPools.of(List.of(new CapacityPools.Limit("m5.large", "us-east-1a", Market.SPOT, 2)));

        assertThat(pools.tryAcquire("m5.large", "us-east-1a", Market.SPOT)).isTrue();
        assertThat(pools.tryAcquire("m5.large", "us-east-1a", Market.SPOT)).isTrue();
        assertThat(pools.tryAcquire("m5.large", "us-east-1a", Market.SPOT)).isFalse();
        // Other pools are not limited: another zone, another market, another type.
        assertThat(pools.tryAcquire("m5.large", "us-east-1b", Market.SPOT)).isTrue();
        assertThat(pools.tryAcquire("m5.large", "us-east-1a", Market.ON_DEMAND)).isTrue();
        assertThat(pools.tryAcquire("m5.xlarge", "us-east-1a", Market.SPOT)).isTrue();
        pools.release("m5.large", "us-east-1a", Market.SPOT);
        assertThat(pools.tryAcquire("m5.large", "us-east-1a", Market.SPOT)).isTrue();

        assertThat(pools.held(0)).isEqualTo(2);
        assertThat(pools.peak(0)).isEqualTo(2);
        assertThat(pools.refused(0)).isEqualTo(1);
    }

    @Test
    void tryAcquire_limitWithoutMarket_countsBothMarketsTogether() {
        CapacityPools pools = CapacityPools.of(List.of(new CapacityPools.Limit("c5.large", "z", null, 2)));

        assertThat(pools.tryAcquire("c5.large", "z", Market.ON_DEMAND)).isTrue();
        assertThat(pools.tryAcquire("c5.large", "z", Market.SPOT)).isTrue();
        assertThat(pools.tryAcquire("c5.large", "z", Market.SPOT)).isFalse();
        assertThat(pools.tryAcquire("c5.large", "z", Market.ON_DEMAND)).isFalse();
        assertThat(pools.refused(0)).isEqualTo(2);
    }

    @Test
    void closeZone_refusesEveryPoolOfTheZoneUntilEveryOverlappingOutageEnds() {
        CapacityPools pools = new CapacityPools();
        pools.closeZone("a");
        pools.closeZone("a");

        assertThat(pools.tryAcquire("m5.large", "a", Market.ON_DEMAND)).isFalse();
        assertThat(pools.tryAcquire("m5.large", "b", Market.ON_DEMAND)).isTrue();
        pools.openZone("a");
        assertThat(pools.hasCapacity("m5.large", "a", Market.ON_DEMAND)).isFalse();
        pools.openZone("a");
        assertThat(pools.tryAcquire("m5.large", "a", Market.ON_DEMAND)).isTrue();
        assertThat(pools.refusedByOutage()).isEqualTo(1);
        assertThatThrownBy(() -> pools.openZone("a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void limit_twiceForOnePool_isRefused() {
        CapacityPools pools = new CapacityPools();
        pools.limit(new CapacityPools.Limit("m5.large", "a", Market.SPOT, 1));

        assertThatThrownBy(() -> pools.limit(new CapacityPools.Limit("m5.large", "a", Market.SPOT, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
