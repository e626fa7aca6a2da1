package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.scenario.spec.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durations, Kubernetes quantities, --set paths and did-you-mean. */
final class ValuesTest {

    @Test
    void durations_dayBasedForms_parseToExactHours() {
        assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("P30D")).isEqualTo(Duration.ofHours(720));
        assertThat(Durations.parse("P1DT2H")).isEqualTo(Duration.ofHours(26));
        assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("P2W")).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("-PT1H")).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void durations_monthsAndSubMillisecond_areRefused() {
        assertThatThrownBy(() -> Durations.parse("P1Y")).hasMessageContaining("months or years");
        assertThatThrownBy(() -> Durations.parse("PT0.0005S")).hasMessageContaining("finer than a millisecond");
        assertThatThrownBy(() -> Durations.parse("90s")).hasMessageContaining("is not an ISO-8601 duration");
    }

    @Test
    void durations_format_keepsDaysAsDays() {
        assertThat(Durations.format(Duration.ofHours(26).plusMinutes(30))).isEqualTo("P1DT2H30M");
        assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("P30D");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("PT0S");
        assertThat(Durations.format(Duration.ofHours(-1))).isEqualTo("-PT1H");
    }

    @Test
    void quantity_cpuForms_giveMillicores() {
        assertThat(Quantity.parse("10m").millicores()).isEqualTo(10);
        assertThat(Quantity.parse("0.5").millicores()).isEqualTo(500);
        assertThat(Quantity.parse("2").millicores()).isEqualTo(2000);
        assertThat(Quantity.parse("1e3").millicores()).isEqualTo(1_000_000);
        // Finer than 1m rounds up, as the Kubernetes API does.
        assertThat(Quantity.parse("0.0001").millicores()).isEqualTo(1);
    }

    @Test
    void quantity_memoryForms_giveMebibytes() {
        assertThat(Quantity.parse("128Mi").mebibytes()).isEqualTo(128);
        assertThat(Quantity.parse("1Gi").mebibytes()).isEqualTo(1024);
        assertThat(Quantity.parse("512Ki").mebibytes()).isEqualTo(1);
        // 1G = 10^9 bytes = 953.67 MiB, rounded up to 954.
        assertThat(Quantity.parse("1G").mebibytes()).isEqualTo(954);
        assertThat(Quantity.parse("1.5Gi").value()).isEqualTo(new BigDecimal("1610612736.0"));
    }

    @Test
    void quantity_garbage_isRefused() {
        assertThatThrownBy(() -> Quantity.parse("ten")).hasMessageStartingWith("'ten' is not a Kubernetes quantity");
        assertThatThrownBy(() -> Quantity.parse("10MB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setOverride_parsesKeysAndIndexes() {
        SetOverride o = SetOverride.parse("pricing.savingsPlans[0].commitment=5");
        assertThat(o.path()).isEqualTo("pricing.savingsPlans[0].commitment");
        assertThat(o.value()).isEqualTo("5");
        assertThat(o.steps()).containsExactly(new SetOverride.Step("pricing", -1),
                new SetOverride.Step("savingsPlans", -1), new SetOverride.Step(null, 0),
                new SetOverride.Step("commitment", -1));
        assertThat(SetOverride.parse("name=a=b").value()).isEqualTo("a=b");
    }

    @Test
    void setOverride_badSyntax_isExplained() {
        assertThatThrownBy(() -> SetOverride.parse("seed")).hasMessageContaining("expected path=value");
        assertThatThrownBy(() -> SetOverride.parse("a..b=1")).hasMessageContaining("a key is missing");
        assertThatThrownBy(() -> SetOverride.parse("zones[x]=1")).hasMessageContaining("is not a list index");
        assertThatThrownBy(() -> SetOverride.parse("zones[0=1")).hasMessageContaining("'[' without ']'");
    }

    @Test
    void didYouMean_suggestsOnlyPlausibleTypos() {
        assertThat(DidYouMean.closest("tpye", List.of("name", "type", "count"))).contains("type");
        assertThat(DidYouMean.closest("Horizon", List.of("name", "horizon"))).contains("horizon");
        assertThat(DidYouMean.closest("banana", List.of("name", "type"))).isEmpty();
        assertThat(DidYouMean.suggestion("r55", List.of("r4", "r5", "r5a", "r5b", "r5d"))).isEqualTo(
                "did you mean r5, r5a or r5b?");
    }
}
