package dev.fleetsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example's printed output against its bill derived by hand. */
final class EmbedExampleTest {

    /**
     * Rates fixed by the example: m5.large On-Demand $0.10/h, Compute SP $0.06/h, RI $0.07/h, Spot $0.04/h.
     * Each of the 24 hours, four m5.large run (aws-rules.md items 2 and 3: RIs first, then Savings Plans):
     * the RI covers one (fee $0.07), the $0.120 plan covers 0.120 / 0.06 = two, one is On-Demand ($0.10).
     * <pre>
     * reserved      24 x 0.07 = 1.68
     * savings-plan  24 x 0.12 = 2.88
     * on-demand     24 x 0.10 = 2.40
     * spot           6 x 0.04 = 0.24   (06:00-12:00; Spot is never covered, item 4)
     * total                     7.20   (no upfront fees: unblended = amortized)
     * </pre>
     */
    @Test
    void main_printsTheHandDerivedBill() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = EmbedExample.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                embedded-example: total 7.20 USD (unblended 7.20)
                  on-demand         2.40
                  spot              0.24
                  reserved          1.68
                  savings-plan      2.88
                """.replace("\n", System.lineSeparator()));
    }
}
