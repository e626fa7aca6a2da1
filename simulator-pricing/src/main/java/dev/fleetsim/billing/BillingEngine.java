package dev.fleetsim.billing;

import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.RiScope;
import dev.fleetsim.commitment.SavingsPlan;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.FargateArch;
import dev.fleetsim.pricing.NormalizationFactors;
import dev.fleetsim.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices a {@link UsageMeter}'s usage into a {@link Bill}, applying the registered commitments hour by hour
 * (aws-rules.md items 2 and 3, SPEC section 4). Reusable: {@link #bill(UsageMeter)} does not change the engine.
 *
 * <p>Readings and conventions (documented here because AWS leaves them open):
 * <ul>
 *   <li>Every commitment is bought at the scenario start and runs for its term or to the horizon, whichever comes
 *       first; a clock-hour only partly inside that span gets that part of the capacity, budget and fee.</li>
 *   <li>Default RI prices: effective rate e from the price book; All Upfront pays e x term hours upfront, Partial
 *       Upfront half of that upfront and e/2 per hour, No Upfront e per hour. Savings Plans split their commitment
 *       the same way. Amortized cost per hour = upfront / term hours + hourly (exact fraction).</li>
 *   <li>Plans of one kind apply one after the other in registration order; RIs likewise, zonal before regional.</li>
 *   <li>EKS control plane: AWS prices it per cluster-hour and does not say partial hours prorate, so each clock-hour
 *       in which a cluster exists at all bills one cluster-hour (aws-rules.md item 6).</li>
 *   <li>Spot (EC2 and Fargate) is never covered by RIs or Savings Plans; Fargate storage and the Windows licence are
 *       not covered by Savings Plans unless an override gives them a {@code computeSavingsPlan} rate.</li>
 * </ul>
 */
public final class BillingEngine {

    private final PriceBook book;
    private final String region;
    private final Instant start;
    private final long horizonMs;
    private final NormalizationFactors factors;
    private final SpotRates spotRates;
    private final List<ReservedInstance> reservedInstances;
    private final List<SavingsPlan> savingsPlans;
    private final AllocationObserver observer;

    private BillingEngine(Builder b) {
        this.book = b.book;
        this.region = b.region;
        this.start = b.start;
        this.horizonMs = b.horizonMs;
        this.factors = b.factors;
        this.spotRates = b.spotRates != null ? b.spotRates : SpotRates.fromPriceBook(b.book);
        this.reservedInstances = List.copyOf(b.reservedInstances);
        this.savingsPlans = List.copyOf(b.savingsPlans);
        this.observer = b.observer;
    }

    public static Builder builder(PriceBook book) {
        return new Builder(book);
    }

    /** Ids in registration order: {@code ri-1, ri-2, ...}. */
    public List<String> reservedInstanceIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= reservedInstances.size(); i++) {
            ids.add("ri-" + i);
        }
        return ids;
    }

    /** Ids in registration order: {@code sp-1, sp-2, ...}. */
    public List<String> savingsPlanIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= savingsPlans.size(); i++) {
            ids.add("sp-" + i);
        }
        return ids;
    }

    /**
     * Prices everything the meter recorded. All runs must have ended (end open ones with
     * {@code EndCause.HORIZON} first).
     *
     * @throws dev.fleetsim.pricing.MissingRateException when a rate is unknown (the message says what to add)
     */
    public Bill bill(UsageMeter meter) {
        if (meter.openRuns() != 0) {
            throw new IllegalStateException(meter.openRuns() + " runs are still open; end them with HORIZON first");
        }
        Instant hour0 = start.truncatedTo(ChronoUnit.HOURS);
        if (meter.startOffsetMs() != Duration.between(hour0, start).toMillis()) {
            throw new IllegalArgumentException("the meter's offset into the hour does not match start " + start);
        }
        int hours = Math.max(meter.hourCount(), horizonMs == 0 ? 0 : meter.hourOf(horizonMs - 1) + 1);
        int firstHourOfDay = hour0.atOffset(ZoneOffset.UTC).getHour();
        int days = hours == 0 ? 0 : (hours - 1 + firstHourOfDay) / 24 + 1;
        LocalDate firstDay = hour0.atOffset(ZoneOffset.UTC).toLocalDate();

        LineCatalog catalog = LineCatalog.build(meter, book, region, factors);
        List<RiState> ris = prepareReserved(catalog, days);
        List<SpState> sps = prepareSavingsPlans(catalog, days);
        Ledger ledger = new Ledger(catalog, ris, sps, firstDay, days);
        new HourlyAllocator(meter, ledger, spotRates, observer, horizonMs, firstHourOfDay).run(hours);
        return BillAssembler.assemble(ledger, start, horizonMs, hours);
    }

    private List<RiState> prepareReserved(LineCatalog catalog, int days) {
        List<RiState> zonal = new ArrayList<>();
        List<RiState> regional = new ArrayList<>();
        for (int i = 0; i < reservedInstances.size(); i++) {
            ReservedInstance ri = reservedInstances.get(i);
            String id = "ri-" + (i + 1);
            String family = NormalizationFactors.familyOf(ri.instanceType());
            int riUnits = factors.quarterUnits(ri.instanceType()).orElse(0);
            // aws-rules.md item 2: only regional, Linux, shared-tenancy RIs of flexible families are size-flexible.
            boolean flexible = ri.scope() == RiScope.REGION && ri.os() == OperatingSystem.LINUX
                    && ri.tenancy() == Tenancy.SHARED && NormalizationFactors.familyAllowsFlexibility(family)
                    && riUnits > 0;
            List<Integer> lines = new ArrayList<>();
            for (BillingLine line : catalog.lines) {
                if (line.service() != Service.EC2 || line.spot() || !(line.key() instanceof InstanceUsage u)
                        || u.os() != ri.os() || u.tenancy() != ri.tenancy() || !line.region().equals(ri.region())) {
                    continue;
                }
                boolean match = ri.scope() == RiScope.ZONE
                        ? u.instanceType().equals(ri.instanceType()) && u.zone().equals(ri.zone().orElseThrow())
                        : flexible ? NormalizationFactors.familyOf(u.instanceType()).equals(family)
                                && catalog.quarterUnits[line.index()] > 0
                                : u.instanceType().equals(ri.instanceType());
                if (match) {
                    lines.add(line.index());
                }
            }
            int[] lineArray = lines.stream().mapToInt(Integer::intValue).toArray();
            int[] weights = new int[lineArray.length];
            for (int j = 0; j < lineArray.length; j++) {
                weights[j] = flexible ? catalog.quarterUnits[lineArray[j]] : 1;
            }
            BigDecimal effective = ri.upfrontUsd().isPresent() ? BigDecimal.ZERO
                    : book.reservedUsdPerHour(ri.instanceType(), ri.region(), ri.os(), ri.tenancy(),
                    ri.offeringClass(), ri.term(), ri.payment());
            RiState state = new RiState(id, ri, lineArray, weights, flexible ? riUnits : 1, flexible, effective, days);
            (ri.scope() == RiScope.ZONE ? zonal : regional).add(state);
        }
        List<RiState> ordered = new ArrayList<>(zonal);
        ordered.addAll(regional);
        return ordered;
    }

    private List<SpState> prepareSavingsPlans(LineCatalog catalog, int days) {
        List<SpState> ec2Instance = new ArrayList<>();
        List<SpState> compute = new ArrayList<>();
        for (int i = 0; i < savingsPlans.size(); i++) {
            SavingsPlan sp = savingsPlans.get(i);
            List<Integer> lines = new ArrayList<>();
            List<BigDecimal> rates = new ArrayList<>();
            for (BillingLine line : catalog.lines) {
                Optional<BigDecimal> rate = savingsPlanRate(sp, line, catalog);
                if (rate.isPresent()) {
                    lines.add(line.index());
                    rates.add(rate.get());
                }
            }
            Integer[] order = new Integer[lines.size()];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, byDiscount(lines, rates, catalog));
            int[] lineArray = new int[order.length];
            BigDecimal[] rateArray = new BigDecimal[order.length];
            for (int j = 0; j < order.length; j++) {
                lineArray[j] = lines.get(order[j]);
                rateArray[j] = rates.get(order[j]);
            }
            SpState state = new SpState("sp-" + (i + 1), sp, lineArray, rateArray, days);
            (sp.kind() == SavingsPlanKind.EC2_INSTANCE ? ec2Instance : compute).add(state);
        }
        List<SpState> ordered = new ArrayList<>(ec2Instance);
        ordered.addAll(compute);
        return ordered;
    }

    /** The plan's rate for a line (per key-hour), or empty when the plan cannot cover it (aws-rules.md item 3). */
    private Optional<BigDecimal> savingsPlanRate(SavingsPlan sp, BillingLine line, LineCatalog catalog) {
        if (line.spot()) {
            return Optional.empty();
        }
        if (line.key() instanceof InstanceUsage u) {
            if (sp.kind() == SavingsPlanKind.EC2_INSTANCE && (!line.region().equals(sp.region())
                    || !NormalizationFactors.familyOf(u.instanceType()).equals(sp.family().orElseThrow()))) {
                return Optional.empty();
            }
            return Optional.of(book.savingsPlanUsdPerHour(sp.kind(), u.instanceType(), line.region(), u.os(),
                    u.tenancy(), sp.term(), sp.payment()));
        }
        if (line.key() instanceof FargateUsage f && sp.kind() == SavingsPlanKind.COMPUTE) {
            return book.fargateComputeSavingsPlanUsdPerHour(line.region(), FargateArch.of(f.arm64()), f.os(),
                    LineCatalog.fargateUnit(line.component()), sp.term(), sp.payment())
                    .map(unitRate -> unitRate.multiply(catalog.quantity[line.index()]));
        }
        return Optional.empty();
    }

    /** Highest discount (1 - sp/od) first, ties to the lower SP rate, then line order (aws-rules.md item 3). */
    private static Comparator<Integer> byDiscount(List<Integer> lines, List<BigDecimal> rates, LineCatalog catalog) {
        return (a, b) -> {
            BigDecimal odA = catalog.lines.get(lines.get(a)).onDemandUsdPerHour();
            BigDecimal odB = catalog.lines.get(lines.get(b)).onDemandUsdPerHour();
            BigDecimal spA = rates.get(a);
            BigDecimal spB = rates.get(b);
            // sp/od ascending; a zero On-Demand rate counts as no discount (ratio 1).
            BigDecimal leftA = odA.signum() == 0 ? BigDecimal.ONE : spA;
            BigDecimal rightA = odA.signum() == 0 ? BigDecimal.ONE : odA;
            BigDecimal leftB = odB.signum() == 0 ? BigDecimal.ONE : spB;
            BigDecimal rightB = odB.signum() == 0 ? BigDecimal.ONE : odB;
            int c = leftA.multiply(rightB).compareTo(leftB.multiply(rightA));
            if (c != 0) {
                return c;
            }
            c = spA.compareTo(spB);
            return c != 0 ? c : Integer.compare(lines.get(a), lines.get(b));
        };
    }

    /** Configures an engine; commitments get ids in the order they are added. */
    public static final class Builder {
        private final PriceBook book;
        private String region = "us-east-1";
        private Instant start = Instant.parse("2026-01-01T00:00:00Z");
        private long horizonMs = -1;
        private NormalizationFactors factors = NormalizationFactors.defaults();
        private SpotRates spotRates;
        private final List<ReservedInstance> reservedInstances = new ArrayList<>();
        private final List<SavingsPlan> savingsPlans = new ArrayList<>();
        private AllocationObserver observer;

        private Builder(PriceBook book) {
            this.book = Objects.requireNonNull(book, "book");
        }

        /** The scenario region: prices Fargate and EKS usage (default us-east-1). */
        public Builder region(String scenarioRegion) {
            this.region = Objects.requireNonNull(scenarioRegion, "region");
            return this;
        }

        /** The scenario start (default 2026-01-01T00:00:00Z); clock-hours and days are UTC. */
        public Builder start(Instant scenarioStart) {
            this.start = Objects.requireNonNull(scenarioStart, "start");
            return this;
        }

        /** Required: commitments' fees run to the horizon (or the end of their term). */
        public Builder horizon(Duration horizon) {
            return horizonMs(horizon.toMillis());
        }

        public Builder horizonMs(long ms) {
            if (ms < 0) {
                throw new IllegalArgumentException("negative horizon: " + ms);
            }
            this.horizonMs = ms;
            return this;
        }

        /** Normalization factors, e.g. with metal sizes from the instance catalog. */
        public Builder normalization(NormalizationFactors normalization) {
            this.factors = Objects.requireNonNull(normalization, "normalization");
            return this;
        }

        /** The Spot price in effect (default: the price book's constant level). */
        public Builder spotRates(SpotRates rates) {
            this.spotRates = Objects.requireNonNull(rates, "rates");
            return this;
        }

        public Builder add(ReservedInstance ri) {
            reservedInstances.add(Objects.requireNonNull(ri, "ri"));
            return this;
        }

        public Builder add(SavingsPlan plan) {
            savingsPlans.add(Objects.requireNonNull(plan, "plan"));
            return this;
        }

        public Builder observer(AllocationObserver allocationObserver) {
            this.observer = allocationObserver;
            return this;
        }

        /**
         * @throws dev.fleetsim.pricing.MissingRateException now rather than after the simulation when an RI has no
         *     price of its own and the price book has no rate for its type
         */
        public BillingEngine build() {
            if (horizonMs < 0) {
                throw new IllegalStateException("set the horizon");
            }
            for (ReservedInstance ri : reservedInstances) {
                if (ri.upfrontUsd().isEmpty()) {
                    book.reservedUsdPerHour(ri.instanceType(), ri.region(), ri.os(), ri.tenancy(),
                            ri.offeringClass(), ri.term(), ri.payment());
                }
            }
            return new BillingEngine(this);
        }
    }
}
