package dev.fleetsim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MoneyTest {

    @Test
    void usage_isExact_evenWhenNotADecimal() {
        // 1 ms at $1/h = 1/3,600,000 dollars; 3,600,000 of them make exactly $1.
        Money oneMs = Money.usage(1, BigDecimal.ONE);
        Money sum = Money.ZERO;
        for (int i = 0; i < 3_600; i++) {
            sum = sum.plus(oneMs.times(1_000));
        }
        assertThat(sum).isEqualTo(Money.usd("1"));
        assertThat(oneMs.toUsd(12)).isEqualByComparingTo("0.000000277778");
    }

    @Test
    void amortizedUpfront_isExactOverTheTerm() {
        // aws-rules.md E2's $60 over 8,760 hours: 60/8760 per hour, times 8,760 hours, is $60 again.
        assertThat(Money.usd("60").dividedBy(8_760).times(8_760)).isEqualTo(Money.usd("60"));
    }

    @Test
    void rounding_isHalfUp_andEqualityIgnoresScale() {
        assertThat(Money.usd("0.125").toUsd(2)).isEqualByComparingTo("0.13");
        assertThat(Money.usd("0.124999").toUsd(2)).isEqualByComparingTo("0.12");
        assertThat(Money.usd("1.50")).isEqualTo(Money.usd("1.5")).hasSameHashCodeAs(Money.usd("1.5"));
        assertThat(Money.usd(new BigDecimal(BigInteger.valueOf(12), -2))).isEqualTo(Money.usd("1200"));
        assertThat(Money.usd("2").minus(Money.usd("3")).signum()).isNegative();
        assertThat(Money.usd("1").ratioTo(Money.usd("4"))).isEqualTo(0.25);
    }

    @Test
    void centAllocation_keepsTheSumOfTheRoundedParts() {
        // Three thirds of $1: each 0.3333.. floors to 0.33; the missing cent goes to the first (ties by order).
        Map<String, Money> parts = new LinkedHashMap<>();
        Money third = Money.usd("1").dividedBy(3);
        parts.put("a", third);
        parts.put("b", third);
        parts.put("c", third);
        assertThat(CentAllocation.allocate(parts)).containsExactly(Map.entry("a", new BigDecimal("0.34")),
                Map.entry("b", new BigDecimal("0.33")), Map.entry("c", new BigDecimal("0.33")));
        // Largest remainder wins: 0.004 + 0.006 = 0.01 -> the 0.006 part gets the cent.
        Map<String, Money> small = new LinkedHashMap<>();
        small.put("x", Money.usd("0.004"));
        small.put("y", Money.usd("0.006"));
        assertThat(CentAllocation.allocate(small)).containsExactly(Map.entry("x", new BigDecimal("0.00")),
                Map.entry("y", new BigDecimal("0.01")));
    }

    @Test
    void budget128_spendsExactly_beyondTheRangeOfALong() {
        Budget128 budget = new Budget128();
        // $10,000/h at scale 12 for a full hour: 10,000 x 10^12 x 3,600,000 = 3.6e22 units (> 2^63).
        BigInteger units = BigInteger.valueOf(10_000).multiply(BigInteger.TEN.pow(12))
                .multiply(BigInteger.valueOf(3_600_000));
        budget.set(units);
        // A rate of $0.7/h = 7e11 units per ms. 1e10 ms cost 7e21 (> 2^64 too): affordable in full.
        assertThat(budget.take(10_000_000_000L, 700_000_000_000L)).isEqualTo(10_000_000_000L);
        // 2.9e22 left: floor(2.9e22 / 7e11) = 41,428,571,428 ms of the 1e11 asked for.
        assertThat(budget.take(100_000_000_000L, 700_000_000_000L)).isEqualTo(41_428_571_428L);
        // Left: 3.6e22 - 51,428,571,428 x 7e11 = 4e11 units, less than one more ms.
        assertThat(budget.value()).isEqualTo(BigInteger.valueOf(400_000_000_000L));
        assertThat(budget.take(5, 100_000_000_000L)).isEqualTo(4);
        assertThat(budget.isZero()).isTrue();
        assertThat(budget.take(9, 0)).isEqualTo(9);
    }
}
