package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** First-fit decreasing onto empty hosts, the estimate of aws-rules.md items 7 and 8. */
final class BinPackEstimateTest {

    @Test
    void pack_largestFirst_thenFillsOpenHosts() {
        // Hosts of 4096 CPU / 16384 MiB. Three 2048-CPU tasks go first: 2 + 1 on two hosts, 2048 left on the
        // second. Five 1024-CPU tasks: host 0 is full, host 1 takes 2, a third host takes the other 3.
        BinPackEstimate e = new BinPackEstimate();
        int small = e.add(1024, 1024, 5, false);
        int large = e.add(2048, 1024, 3, false);
        int[] placed = new int[2];
        assertThat(e.pack(4096, 16384, Integer.MAX_VALUE, Integer.MAX_VALUE, placed)).isEqualTo(3);
        assertThat(placed[small]).isEqualTo(5);
        assertThat(placed[large]).isEqualTo(3);
    }

    @Test
    void pack_memoryOrPodSlotsBind() {
        // 500m / 3000 MiB pods on 1930m / 7518 MiB / 29-pod nodes: memory binds, 2 per node -> 5 pods need 3.
        BinPackEstimate e = new BinPackEstimate();
        e.add(500, 3000, 5, false);
        int[] placed = new int[1];
        assertThat(e.pack(1930, 7518, 29, Integer.MAX_VALUE, placed)).isEqualTo(3);
        // Request-less pods: only the pod slots bind, 29 per node -> 30 pods need 2.
        e.clear();
        e.add(0, 0, 30, false);
        assertThat(e.pack(1930, 7518, 29, Integer.MAX_VALUE, placed)).isEqualTo(2);
    }

    @Test
    void pack_onePerHost_tooLarge_andHostLimit() {
        BinPackEstimate e = new BinPackEstimate();
        int distinct = e.add(512, 512, 3, true);
        int huge = e.add(8192, 512, 2, false);
        int[] placed = new int[2];
        // distinctInstance: 3 hosts for 3 small tasks; 8192 CPU never fits a 4096 host.
        assertThat(e.pack(4096, 16384, Integer.MAX_VALUE, Integer.MAX_VALUE, placed)).isEqualTo(3);
        assertThat(placed[distinct]).isEqualTo(3);
        assertThat(placed[huge]).isZero();
        // At most 2 hosts: 2 of the 3 placed.
        assertThat(e.pack(4096, 16384, Integer.MAX_VALUE, 2, placed)).isEqualTo(2);
        assertThat(placed[distinct]).isEqualTo(2);
    }
}
