package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SizeOrderTest {
    @Test
    void rank_ordersNamedSizesThenMultiplesThenMetal() {
        List<String> expected = List.of("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "3xlarge",
                "9xlarge", "10xlarge", "24xlarge", "112xlarge", "224xlarge", "metal-12xl", "metal-24xl", "metal-96xl",
                "metal", "weird");
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(Comparator.comparingLong(SizeOrder::rank));
        assertThat(shuffled).isEqualTo(expected);
    }

    @Test
    void rank_unrecognisedSizesGoLast() {
        assertThat(SizeOrder.rank("xxlarge")).isEqualTo(Long.MAX_VALUE);
        assertThat(SizeOrder.rank("metal-xl")).isEqualTo(Long.MAX_VALUE);
        assertThat(SizeOrder.rank("")).isEqualTo(Long.MAX_VALUE);
    }
}
