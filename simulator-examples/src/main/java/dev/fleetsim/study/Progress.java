package dev.fleetsim.study;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * "what 3/10" on one rewritten line of stderr, for terminals only (SPEC section 6: long runs show progress when
 * stderr is a terminal). Thread-safe.
 */
public final class Progress implements IntConsumer {

    private final PrintWriter err;
    private final String what;
    private final int total;
    private boolean finished;
    private int shown;

    private Progress(PrintWriter err, String what, int total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    /** A progress line on {@code err} when {@code terminal}, else nothing. */
    public static IntConsumer of(boolean terminal, PrintWriter err, String what, int total) {
        return terminal ? new Progress(err, what, total) : n -> { };
    }

    @Override
    public synchronized void accept(int done) {
        if (finished || done <= shown) {
            return; // counts from several threads may arrive out of order
        }
        shown = done;
        err.print("\r" + what + " " + done + "/" + total);
        if (done >= total) {
            err.print("\r\033[K");
            finished = true;
        }
        err.flush();
    }
}
