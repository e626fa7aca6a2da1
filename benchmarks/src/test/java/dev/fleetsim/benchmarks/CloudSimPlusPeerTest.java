package dev.fleetsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.benchmarks.CloudSimPlusPeer.CloudletSubmission;
import dev.fleetsim.benchmarks.CloudSimPlusPeer.Outcome;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks that the CloudSim Plus model runs the peer workload as specified, before anyone times it. */
final class CloudSimPlusPeerTest {

    /**
     * CloudSim Plus's own latencies around an exact run (see {@link CloudSimPlusPeer}'s class comment): a cloudlet starts
     * within its minimum time between events (0.1 s) of its VM's arrival, and its finish is seen one processing
     * update (0.1 s + a 0.01 s guard) after it ran its length. A millisecond covers the binary fractions of seconds.
     */
    private static final double START_WITHIN_S = 0.1 + 0.001;
    private static final double FINISH_SEEN_WITHIN_S = 0.11 + 0.001;

    @ParameterizedTest
    @EnumSource(CloudletSubmission.class)
    void run_whenCapacitySuffices_everyJobRunsFromArrivalForItsDuration(CloudletSubmission submission) {
        PeerWorkload w = PeerWorkload.generate(300, PeerWorkload.SEED);
        // The premise, checked on the workload itself: never more jobs at once than 100 x 16 PEs.
        assertThat(peakConcurrency(w)).isLessThanOrEqualTo(1_600);

        Outcome outcome = CloudSimPlusPeer.run(w, 100, 16, submission);

        assertThat(outcome.finished()).isEqualTo(300);
        assertThat(outcome.failedVms()).isZero();
        double lastEnd = 0;
        for (int job = 0; job < w.count(); job++) {
            double arrival = w.arrivalMs(job) / 1_000.0;
            double duration = w.durationMs(job) / 1_000.0;
            double start = outcome.startSeconds()[job];
            assertThat(start).as("start of job %d", job).isBetween(arrival, arrival + START_WITHIN_S);
            assertThat(outcome.finishSeconds()[job] - start).as("run time of job %d", job)
                    .isBetween(duration, duration + FINISH_SEEN_WITHIN_S);
            lastEnd = Math.max(lastEnd, arrival + duration);
        }
        assertThat(outcome.endSeconds()).isBetween(lastEnd, lastEnd + 1.0);
    }

    @ParameterizedTest
    @EnumSource(CloudletSubmission.class)
    void run_whenAJobFindsNoRoom_itWaitsUntilTheLastArrivalThenRetries(CloudletSubmission submission) {
        // One host with one PE. Job 0 holds it from 1 s to about 11.2 s. Job 1 arrives at 2 s, finds no room and
        // waits. A FIFO queue would start it at about 11.4 s, but CloudSim Plus retries only after every requested
        // VM has been answered, i.e. after job 2 arrives at 100 s; job 2 finds the PE free and takes it, so job 1
        // runs only after job 2 ends (at about 110.2 s, its VM gone 0.2 s later), at the next 5 s retry round.
        PeerWorkload w = PeerWorkload.of(new long[] {1_000, 2_000, 100_000}, new long[] {10_000, 10_000, 10_000});

        Outcome outcome = CloudSimPlusPeer.run(w, 1, 1, submission);

        assertThat(outcome.finished()).isEqualTo(3);
        assertThat(outcome.failedVms()).isZero();
        double[] start = outcome.startSeconds();
        assertThat(start[0]).isBetween(1.0, 1.0 + START_WITHIN_S);
        assertThat(start[2]).isBetween(100.0, 100.0 + START_WITHIN_S);
        assertThat(start[1]).as("job 1 waits for job 2 to end")
                .isBetween(110.0, 110.0 + 1.0 + CloudSimPlusPeer.RETRY_DELAY_S);
        assertThat(outcome.finishSeconds()[1] - start[1]).isBetween(10.0, 10.0 + FINISH_SEEN_WITHIN_S);
    }

    @ParameterizedTest
    @EnumSource(CloudletSubmission.class)
    void run_whenJobsExceedCapacity_everyJobStillRunsItsFullDuration(CloudletSubmission submission) {
        // 2 PEs, 6 jobs of 60 s arriving at 0..5 s: 360 PE-seconds of work on 2 PEs cannot end before 180 s.
        long[] arrivals = {0, 1_000, 2_000, 3_000, 4_000, 5_000};
        long[] durations = new long[6];
        Arrays.fill(durations, 60_000);

        Outcome outcome = CloudSimPlusPeer.run(PeerWorkload.of(arrivals, durations), 1, 2, submission);

        assertThat(outcome.finished()).isEqualTo(6);
        assertThat(outcome.endSeconds()).isGreaterThanOrEqualTo(180.0);
        for (int job = 0; job < 6; job++) {
            assertThat(outcome.finishSeconds()[job] - outcome.startSeconds()[job])
                    .isCloseTo(60.0, within(FINISH_SEEN_WITHIN_S));
        }
    }

    /** Most jobs running at once, counting a job from its arrival to arrival + duration. */
    private static int peakConcurrency(PeerWorkload w) {
        int n = w.count();
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            ends[i] = w.arrivalMs(i) + w.durationMs(i);
        }
        Arrays.sort(ends);
        int running = 0;
        int peak = 0;
        int ended = 0;
        for (int i = 0; i < n; i++) {
            while (ends[ended] <= w.arrivalMs(i)) {
                ended++;
                running--;
            }
            running++;
            peak = Math.max(peak, running);
        }
        return peak;
    }
}
