package dev.fleetsim.billing;

import static dev.fleetsim.billing.Scenario.H;
import static dev.fleetsim.billing.Scenario.linux;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.metering.ClusterUsage;
import dev.fleetsim.pricing.PriceBook;
import org.junit.jupiter.api.Test;

final class LineItemCsvTest {

    @Test
    void write_oneRowPerItem_inCurStyle() {
        // 2 m5.large for 1 h with one partial-upfront RI: RI covers 1 h, 1 h On-Demand at 0.096.
        // RI: e = 0.096 x (1 - 0.414) = 0.056256; upfront e x 8760 / 2 = 246.40128; hourly e / 2 = 0.028128.
        Scenario sc = new Scenario().run(linux("m5.large", "us-east-1a"), 2, 0, H);
        Bill bill = BillingEngine.builder(PriceBook.loadDefault()).horizonMs(H)
                .add(ReservedInstance.regional("m5.large", 1, "us-east-1", OfferingClass.STANDARD, Term.ONE_YEAR,
                        PaymentOption.PARTIAL_UPFRONT))
                .build().bill(sc.meter);
        StringBuilder out = new StringBuilder();
        long rows = LineItemCsv.write(bill, out);
        assertThat(rows).isEqualTo(4);
        assertThat(out.toString()).isEqualTo(LineItemCsv.HEADER + "\n"
                + "2026-01-01,Usage,ec2,m5.large us-east-1a linux shared on-demand,instance,,3600.000,"
                + "0.0960000000,0.0960000000\n"
                + "2026-01-01,DiscountedUsage,ec2,m5.large us-east-1a linux shared on-demand,instance,ri-1,3600.000,"
                + "0.0000000000,0.0562560000\n"
                + "2026-01-01,Fee,ec2,ri-1,fee,ri-1,0.000,246.4012800000,0.0000000000\n"
                + "2026-01-01,RIFee,ec2,ri-1,fee,ri-1,0.000,0.0281280000,0.0000000000\n");
    }

    @Test
    void write_quotesFieldsThatNeedIt() {
        // A cluster-hour at $0.10 for a cluster whose name holds a comma and a quote.
        Scenario sc = new Scenario().run(new ClusterUsage("a,\"b\"", false), 1, 0, H);
        Bill bill = BillingEngine.builder(PriceBook.loadDefault()).horizonMs(H).build().bill(sc.meter);
        StringBuilder out = new StringBuilder();
        LineItemCsv.write(bill, out);
        assertThat(out.toString()).endsWith("\n2026-01-01,Usage,eks,\"eks a,\"\"b\"\" standard-support\","
                + "control-plane,,3600.000,0.1000000000,0.1000000000\n");
    }
}
