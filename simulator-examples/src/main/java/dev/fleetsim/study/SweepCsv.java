package dev.fleetsim.study;

import dev.fleetsim.billing.LineItemCsv;
import dev.fleetsim.report.Money;
import dev.fleetsim.report.Report;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.csv}: one row per point, in point order. Columns: {@code point}, one per axis (its path; the value
 * as written, {@code none} for a removed list item), {@code total}, {@code unblendedTotal}, the
 * {@code byPricingModel} keys, {@code peakInstances}, {@code spotInterruptionNotices}. Money as in the report:
 * USD rounded to the cent.
 */
public final class SweepCsv {

    private SweepCsv() {
    }

    public static String write(Sweep sweep, List<SweepRunner.Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("point");
        for (Sweep.Axis a : sweep.axes()) {
            s.append(',').append(LineItemCsv.field(a.path()));
        }
        s.append(",total,unblendedTotal");
        Map<String, BigDecimal> models = rows.isEmpty() ? Map.of() : rows.get(0).report().bill().byPricingModel();
        for (String model : models.keySet()) {
            s.append(',').append(LineItemCsv.field(model));
        }
        s.append(",peakInstances,spotInterruptionNotices\n");
        for (SweepRunner.Row row : rows) {
            Report r = row.report();
            s.append(row.point().index());
            for (String v : row.point().values()) {
                s.append(',').append(LineItemCsv.field(v));
            }
            s.append(',').append(Money.format(r.bill().total())).append(',')
                    .append(Money.format(r.bill().unblendedTotal()));
            for (String model : models.keySet()) {
                BigDecimal v = r.bill().byPricingModel().get(model);
                s.append(',').append(v == null ? "" : Money.format(v));
            }
            s.append(',').append(r.capacity().peakInstances()).append(',')
                    .append(r.events().spotInterruptionNotices()).append('\n');
        }
        return s.toString();
    }

}
