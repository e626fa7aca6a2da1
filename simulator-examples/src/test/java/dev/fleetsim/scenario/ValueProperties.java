package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.host.OperatingSystem;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

final class ValueProperties {

    @Property
    void durations_formatThenParse_givesTheSameDuration(@ForAll @LongRange(min = -400L * 86_400_000,
            max = 400L * 86_400_000) long ms) {
        Duration d = Duration.ofMillis(ms);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @Property
    void fargateRoundUp_givesAValidSizeAtLeastTheRequest(@ForAll @IntRange(min = 1, max = 16384) int cpuUnits,
            @ForAll @IntRange(min = 1, max = 122880) int memoryMiB) {
        FargateSizes.roundUp(cpuUnits, memoryMiB).ifPresent(size -> {
            assertThat(FargateSizes.isValid(size.cpuUnits(), size.memoryMiB(), OperatingSystem.LINUX)).isTrue();
            assertThat(size.cpuUnits()).isGreaterThanOrEqualTo(cpuUnits);
            assertThat(size.memoryMiB()).isGreaterThanOrEqualTo(memoryMiB);
            // A valid size rounds to itself.
            assertThat(FargateSizes.roundUp(size.cpuUnits(), size.memoryMiB())).contains(size);
        });
    }

    @Property
    void didYouMean_neverSuggestsAWordFartherThanAQuarterOfItsLength(@ForAll("words") String a,
            @ForAll("words") String b) {
        DidYouMean.closest(a, java.util.List.of(b)).ifPresent(s ->
                assertThat(DidYouMean.distance(a.toLowerCase(java.util.Locale.ROOT), b.toLowerCase(
                        java.util.Locale.ROOT))).isLessThanOrEqualTo(Math.max(1, Math.min(a.length(), b.length()) / 4)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> words() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(10);
    }
}
