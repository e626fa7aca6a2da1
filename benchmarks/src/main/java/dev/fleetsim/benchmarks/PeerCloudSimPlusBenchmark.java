package dev.fleetsim.benchmarks;

import dev.fleetsim.benchmarks.CloudSimPlusPeer.CloudletSubmission;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 8 "End to end", the peer side: the time CloudSim Plus 8.5 takes to simulate {@code size} one-vCPU jobs
 * arriving uniformly over a day with exponential durations (mean 1 h) on 100 hosts of 16 PEs and 64 GiB, first fit,
 * each VM destroyed when its job ends, until every job has finished. The model is {@link CloudSimPlusPeer}; the jobs
 * are {@link PeerWorkload#generate(int, long)} with {@link PeerWorkload#SEED}, drawn in the trial set-up and not
 * timed. The fleetsim side of the comparison is {@code EndToEndBenchmark} on scenarios/bench/peer-*.yaml.
 *
 * <p>{@code cloudlets} is when the broker receives each job's cloudlet: {@code ON_VM_PLACEMENT} (the default, the
 * fair baseline) or {@code UPFRONT} (all before the start, CloudSim Plus's documented way to model arrivals, whose
 * cost grows with the square of the number of jobs; see {@link CloudSimPlusPeer}).
 *
 * <p>What to expect by size: 10,000 jobs offer about 10,000 / 24 = 417 running at once against 1,600 PEs, so every
 * job starts on arrival. At 100,000 (about 4,167 at once) and 1,000,000, jobs wait; CloudSim Plus retries waiting
 * VMs only after the last arrival and then re-sends every waiting VM each 5 s round, each answer scanning the waiting
 * list, so those sizes do not finish in any practical time: a 100,000-job run (ON_VM_PLACEMENT, 2 shared cores)
 * had simulated 9 of its more than 62 hours after 10 minutes, all 1,600 PEs busy from the first hour, at about a
 * minute per simulated hour before any retry round. Pass {@code -p size=10000} unless that is what you want to see.
 * The single shot fails if a run ends with a job unfinished, rather than report the time of a broken run.
 *
 * <p>Build and run (one shot per size; the machine's load matters, note {@code uptime}):
 * <pre>
 * mvn -B -q -o -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar PeerCloudSimPlusBenchmark -f 1 -wi 0 -i 1 -p size=10000
 * java -jar benchmarks/target/benchmarks.jar PeerCloudSimPlusBenchmark -f 1 -wi 0 -i 1 -p size=10000 -p cloudlets=UPFRONT
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class PeerCloudSimPlusBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int size;

    @Param({"ON_VM_PLACEMENT"})
    public CloudletSubmission cloudlets;

    private PeerWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = PeerWorkload.generate(size, PeerWorkload.SEED);
    }

    @Benchmark
    public CloudSimPlusPeer.Outcome simulate() {
        CloudSimPlusPeer.Outcome outcome =
                CloudSimPlusPeer.run(workload, PeerWorkload.HOSTS, PeerWorkload.VCPUS_PER_HOST, cloudlets);
        if (outcome.finished() != size) {
            throw new IllegalStateException("CloudSim Plus finished " + outcome.finished() + " of " + size
                    + " jobs (" + outcome.failedVms() + " VMs failed)");
        }
        return outcome;
    }
}
