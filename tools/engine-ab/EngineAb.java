import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Alternates the engine copies round by round in one JVM and reports, per copy, its events/s (best and median)
 * and the median over rounds of (first copy's time / its time). Arguments: pending rounds eventsPerRound, then
 * the copies' labels; the copies' drivers are v0.HoldDriver, v1.HoldDriver, ...
 */
public final class EngineAb {
    public static void main(String[] args) throws Exception {
        int pending = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        String[] labels = Arrays.copyOfRange(args, 3, args.length);
        int k = labels.length;
        IntToLongFunction[] drivers = new IntToLongFunction[k];
        for (int v = 0; v < k; v++) {
            drivers[v] = (IntToLongFunction) Class.forName("v" + v + ".HoldDriver").getConstructor(int.class)
                    .newInstance(pending);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] rate = new double[k][rounds];
        double[][] ratio = new double[k][rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long[] ns = new long[k];
            for (int j = 0; j < k; j++) {
                int v = (j + r) % k; // rotate who goes first
                long t0 = mx.getCurrentThreadCpuTime();
                sink += drivers[v].applyAsLong(perRound);
                ns[v] = mx.getCurrentThreadCpuTime() - t0;
            }
            for (int v = 0; v < k; v++) {
                rate[v][r] = perRound * 1e3 / ns[v];
                ratio[v][r] = (double) ns[0] / ns[v];
            }
        }
        int from = rounds / 4; // the first quarter is warm-up
        System.out.printf("pending %d, %d rounds of %d events (first %d dropped), thread CPU time%n", pending, rounds,
                perRound, from);
        for (int v = 0; v < k; v++) {
            double[] s = Arrays.copyOfRange(rate[v], from, rounds);
            double[] q = Arrays.copyOfRange(ratio[v], from, rounds);
            Arrays.sort(s);
            Arrays.sort(q);
            int m = s.length;
            System.out.printf("%-12s best %6.2f M/s  median %6.2f M/s  speed vs %s: median %.3f [quartiles %.3f %.3f]%n",
                    labels[v], s[m - 1], s[m / 2], labels[0], q[m / 2], q[m / 4], q[3 * m / 4]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
