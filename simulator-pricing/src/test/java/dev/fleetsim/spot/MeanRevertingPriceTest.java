package dev.fleetsim.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class MeanRevertingPriceTest {

    private static final int YEAR_HOURS = 8760;

    @Test
    void phi_isTheHourlyFactorOfTheHalfLife() {
        // 0.5^(1/108) = exp(ln 0.5 / 108) = exp(-0.0064180) = 0.993603
        assertThat(SpotPriceParameters.DEFAULT.phi()).isCloseTo(0.993603, within(1e-6));
    }

    @Test
    void multiplier_isPositiveAndAPureFunctionOfSeedAndHour() {
        SpotPriceParameters wild = new SpotPriceParameters(24, 1.5);
        MeanRevertingPrice a = new MeanRevertingPrice(7L, wild);
        double late = a.multiplier(5000);
        for (int h = 0; h < YEAR_HOURS; h++) {
            assertThat(a.multiplier(h)).isPositive();
        }
        // Asked directly, without the earlier hours first: the same.
        assertThat(new MeanRevertingPrice(7L, wild).multiplier(5000)).isEqualTo(late);
        assertThat(new MeanRevertingPrice(8L, wild).multiplier(5000)).isNotEqualTo(late);
    }

    @Test
    void yearlyMean_revertsToTheLevel() {
        // Volatile on purpose (logSd 0.3) so that the lognormal correction matters: without it the mean multiplier
        // would be exp(0.3^2 / 2) = 1.046. Per pool, the year's mean multiplier has sd about
        // sqrt(exp(0.09) - 1) x sqrt((1 + phi) / ((1 - phi) x 8760)) = 0.307 x 0.189 = 0.058; over 200 independent
        // pools the grand mean's sd is 0.0041. Tolerance: 4 of them.
        SpotPriceParameters p = new SpotPriceParameters(108, 0.3);
        double sum = 0;
        int pools = 200;
        for (int seed = 0; seed < pools; seed++) {
            MeanRevertingPrice path = new MeanRevertingPrice(1000L + seed, p);
            for (int h = 0; h < YEAR_HOURS; h++) {
                sum += path.multiplier(h);
            }
        }
        assertThat(sum / ((double) pools * YEAR_HOURS)).isCloseTo(1.0, within(0.0164));
    }

    @Test
    void logDeviation_hasTheParametersAutocorrelationAndSpread() {
        SpotPriceParameters p = new SpotPriceParameters(108, 0.3);
        int pools = 50;
        double sxx = 0;
        double sxy1 = 0;
        double sxy108 = 0;
        long n = 0;
        for (int seed = 0; seed < pools; seed++) {
            MeanRevertingPrice path = new MeanRevertingPrice(5000L + seed, p);
            for (int h = 0; h + 108 < YEAR_HOURS; h++) {
                double x = path.logDeviation(h);
                sxx += x * x;
                sxy1 += x * path.logDeviation(h + 1);
                sxy108 += x * path.logDeviation(h + 108);
                n++;
            }
        }
        // Lag 1: phi = 0.993603. The estimate's standard error is about sqrt((1 - phi^2) / n) = sqrt(0.01277 / 432,600)
        // = 0.00017; tolerance 0.001.
        assertThat(sxy1 / sxx).isCloseTo(p.phi(), within(0.001));
        // Lag = one half-life: 0.5. Effective samples ~ n (1 - phi) / (1 + phi) = 1,390, so sd ~ 0.03; tolerance 0.12.
        assertThat(sxy108 / sxx).isCloseTo(0.5, within(0.12));
        // Stationary sd 0.3: the variance estimate's sd is about 0.09 x sqrt(2 / 1,390) = 0.0034, i.e. 0.006 on the
        // sd; tolerance 0.024.
        assertThat(Math.sqrt(sxx / n)).isCloseTo(0.3, within(0.024));
    }

    @Test
    void zeroVolatility_isTheLevelEveryHour() {
        MeanRevertingPrice flat = new MeanRevertingPrice(3L, new SpotPriceParameters(108, 0));
        assertThat(flat.multiplier(0)).isEqualTo(1.0);
        assertThat(flat.multiplier(999)).isEqualTo(1.0);
    }
}
