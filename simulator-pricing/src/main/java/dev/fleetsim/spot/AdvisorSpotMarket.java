package dev.fleetsim.spot;

import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.Regions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default Spot market ({@code pricing.spot.model: advisor}, SPEC section 4): each pool's price moves gradually
 * around its long-run level, the price book's Spot rate (On-Demand x (1 - Spot Advisor savings)), as a
 * {@link MeanRevertingPrice} path. A Spot rate fixed in {@code pricing.rates} is used as is, every hour.
 *
 * <p>A pool is (type, zone, platform): Linux and Windows are separate Spot pools; RHEL, SUSE and Ubuntu ride the Linux
 * pool's path (the price book adds their level). Each pool's path is seeded from the scenario seed and the pool alone
 * (stream {@code ("spot-price", "type@zone/platform")}), so pools are independent and adding one changes no other.
 *
 * <p>Hours are the billing clock-hours (hour 0 contains the scenario start), one price per hour, as {@link SpotRates}
 * holds them; prices are exposed with scale 6 (micro-dollars, as the AWS price lists), rounded half-even, and never
 * below 0.000001.
 */
public final class AdvisorSpotMarket implements SpotRates {

    public static final String RANDOM_SOURCE = "spot-price";
    public static final int SCALE = 6;
    static final BigDecimal MIN_PRICE = BigDecimal.ONE.movePointLeft(SCALE);

    private final PriceBook book;
    private final long scenarioSeed;
    private final SpotPriceParameters parameters;
    // Lookup only, never iterated.
    private final Map<InstanceUsage, Pool> pools = new HashMap<>();

    public AdvisorSpotMarket(PriceBook book, RandomStreams streams, SpotPriceParameters parameters) {
        this.book = Objects.requireNonNull(book, "book");
        this.scenarioSeed = streams.seed();
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * @throws dev.fleetsim.pricing.MissingRateException if the price book has no Spot level for the pool
     */
    @Override
    public BigDecimal usdPerHour(InstanceUsage pool, int hour) {
        return pool(pool).price(hour);
    }

    /** The level the pool reverts to (the fixed price, when {@code pricing.rates} sets one). */
    public BigDecimal levelUsdPerHour(InstanceUsage pool) {
        return pool(pool).level;
    }

    /** The pool's path as a multiplier of its level (1 every hour for a fixed price). */
    public double multiplier(InstanceUsage pool, int hour) {
        Pool p = pool(pool);
        return p.path == null ? 1.0 : p.path.multiplier(hour);
    }

    /** The pool name its path is seeded by, e.g. {@code m5.large@us-east-1a/linux}. */
    public static String poolName(String instanceType, String zone, String platform) {
        return instanceType + '@' + zone + '/' + platform;
    }

    private Pool pool(InstanceUsage usage) {
        Pool p = pools.get(usage);
        if (p == null) {
            p = newPool(usage);
            pools.put(usage, p);
        }
        return p;
    }

    private Pool newPool(InstanceUsage u) {
        Optional<BigDecimal> fixed = book.fixedSpotUsdPerHour(u.instanceType(), u.os(), u.tenancy());
        if (fixed.isPresent()) {
            return new Pool(fixed.get(), null);
        }
        BigDecimal level = book.spotUsdPerHour(u.instanceType(), Regions.ofZone(u.zone()), u.os(), u.tenancy());
        long seed = RandomStreams.streamSeed(scenarioSeed, RANDOM_SOURCE,
                poolName(u.instanceType(), u.zone(), Platforms.of(u.os())));
        return new Pool(level, new MeanRevertingPrice(seed, parameters));
    }

    private static final class Pool {
        final BigDecimal level;
        final MeanRevertingPrice path;
        private BigDecimal[] prices = new BigDecimal[0];

        Pool(BigDecimal level, MeanRevertingPrice path) {
            this.level = level;
            this.path = path;
        }

        BigDecimal price(int hour) {
            if (path == null) {
                return level;
            }
            if (hour >= prices.length) {
                prices = Arrays.copyOf(prices, Math.max(hour + 1, Math.max(64, prices.length * 2)));
            }
            BigDecimal p = prices[hour];
            if (p == null) {
                p = level.multiply(BigDecimal.valueOf(path.multiplier(hour))).setScale(SCALE, RoundingMode.HALF_EVEN);
                if (p.compareTo(MIN_PRICE) < 0) {
                    p = MIN_PRICE;
                }
                prices[hour] = p;
            }
            return p;
        }
    }
}
