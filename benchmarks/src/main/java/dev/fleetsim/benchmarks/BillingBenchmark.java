package dev.fleetsim.benchmarks;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.BillingEngine;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.SavingsPlan;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 8 billing target: a year (8,760 clock-hours) of hourly RI and Savings Plan application over 10,000
 * concurrently running instances in under 10 s.
 *
 * <p>Fleet: 10,000 instance slots over 40 types (10 families: m5, c5, r5, m6i, c6i, r6i, m7g, c7g, r7g, t3; 4 sizes
 * each) in 3 zones of us-east-1, one in five on Spot. Each slot runs back to back for a year in runs of random length
 * (mean 3 days) with short gaps, about 1.2 M runs; Spot runs sometimes end interrupted by AWS. Portfolio: per family
 * two regional size-flexible RIs (1y standard No Upfront and 3y convertible Partial Upfront, 300 xlarge each), ten
 * zonal RIs (50 .large each), three EC2 Instance SPs (m5, c5, r5, $15/h) and two Compute SPs ($150/h each).
 *
 * <p>{@code billAYear} prices the metered year (the target). {@code meterAndBillAYear} also replays the
 * precomputed runs into a fresh meter first.
 *
 * <p>Run: {@code mvn -B -q -o -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * BillingBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class BillingBenchmark {

    private static final long H = 3_600_000L;
    private static final long YEAR_MS = 8_760 * H;
    private static final int SLOTS = 10_000;
    private static final String[] FAMILIES = {"m5", "c5", "r5", "m6i", "c6i", "r6i", "m7g", "c7g", "r7g", "t3"};
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private PriceBook book;
    private BillingEngine engine;
    private UsageMeter meter;
    private InstanceUsage[] runWhat;
    private long[] runStart;
    private long[] runEnd;
    private EndCause[] runCause;
    private int runCount;

    @Setup(Level.Trial)
    public void setUp() {
        book = PriceBook.loadDefault();
        SplittableRandom random = new SplittableRandom(42);
        int capacity = 1_500_000;
        runWhat = new InstanceUsage[capacity];
        runStart = new long[capacity];
        runEnd = new long[capacity];
        runCause = new EndCause[capacity];
        for (int slot = 0; slot < SLOTS; slot++) {
            String family = FAMILIES[slot % FAMILIES.length];
            String[] sizes = family.equals("t3")
                    ? new String[] {"medium", "large", "xlarge", "2xlarge"}
                    : new String[] {"large", "xlarge", "2xlarge", "4xlarge"};
            String type = family + "." + sizes[(slot / FAMILIES.length) % 4];
            String zone = ZONES[(slot / 40) % ZONES.length];
            Market market = random.nextInt(5) == 0 ? Market.SPOT : Market.ON_DEMAND;
            InstanceUsage what = new InstanceUsage(type, zone, OperatingSystem.LINUX, Tenancy.SHARED, market);
            long t = (long) (random.nextDouble() * 600_000);
            while (t < YEAR_MS) {
                long length = (long) (-Math.log(1 - random.nextDouble()) * 72 * H);
                long end = Math.min(YEAR_MS, t + Math.max(1_000, length));
                EndCause cause = end == YEAR_MS ? EndCause.HORIZON
                        : market == Market.SPOT && random.nextInt(4) == 0 ? EndCause.INTERRUPTED_BY_AWS
                        : EndCause.STOPPED;
                runWhat[runCount] = what;
                runStart[runCount] = t;
                runEnd[runCount] = end;
                runCause[runCount] = cause;
                runCount++;
                t = end + random.nextInt(600_000);
            }
        }
        meter = replay();

        BillingEngine.Builder b = BillingEngine.builder(book).start(START).horizonMs(YEAR_MS);
        for (String family : FAMILIES) {
            b.add(ReservedInstance.regional(family + ".xlarge", 300, "us-east-1", OfferingClass.STANDARD,
                    Term.ONE_YEAR, PaymentOption.NO_UPFRONT));
            b.add(ReservedInstance.regional(family + ".xlarge", 300, "us-east-1", OfferingClass.CONVERTIBLE,
                    Term.THREE_YEAR, PaymentOption.PARTIAL_UPFRONT));
            b.add(ReservedInstance.zonal(family + ".large", 50, "us-east-1", "us-east-1a", OfferingClass.STANDARD,
                    Term.ONE_YEAR, PaymentOption.ALL_UPFRONT));
        }
        for (String family : new String[] {"m5", "c5", "r5"}) {
            b.add(SavingsPlan.ec2Instance(family, "us-east-1", new BigDecimal("15"), Term.ONE_YEAR,
                    PaymentOption.NO_UPFRONT));
        }
        b.add(SavingsPlan.compute("us-east-1", new BigDecimal("150"), Term.ONE_YEAR, PaymentOption.NO_UPFRONT));
        b.add(SavingsPlan.compute("us-east-1", new BigDecimal("150"), Term.THREE_YEAR, PaymentOption.ALL_UPFRONT));
        engine = b.build();
    }

    private UsageMeter replay() {
        UsageMeter m = UsageMeter.startingAt(START);
        for (int i = 0; i < runCount; i++) {
            m.runStarted(i, runWhat[i], runStart[i]);
            m.runEnded(i, runEnd[i], runCause[i]);
        }
        return m;
    }

    @Benchmark
    public Bill billAYear() {
        return engine.bill(meter);
    }

    @Benchmark
    public Bill meterAndBillAYear() {
        return engine.bill(replay());
    }
}
