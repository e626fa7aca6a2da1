package dev.fleetsim.demand;

/** The same rate at every time. */
public record ConstantDemand(double value) implements DemandSignal {

    public ConstantDemand {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a constant demand must be a finite number >= 0, got " + value);
        }
    }

    @Override
    public double valueAt(long timeMs) {
        return value;
    }

    @Override
    public double meanOver(long fromMs, long toMs) {
        DemandSignal.requireInterval(fromMs, toMs);
        return value;
    }
}
