package dev.fleetsim.run;

import dev.fleetsim.demand.DemandSignal;
import dev.fleetsim.demand.DemandSignals;
import dev.fleetsim.demand.DiurnalShape;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.TraceCsv;
import dev.fleetsim.scenario.spec.DemandSpec;
import dev.fleetsim.scenario.spec.DiurnalSpec;
import dev.fleetsim.scenario.spec.StepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenario's named {@code demand} signals, built once per run. */
final class DemandSignalsFromSpec {

    private DemandSignalsFromSpec() {
    }

    static Map<String, DemandSignal> build(Scenario scenario, RandomStreams streams) {
        Map<String, DemandSignal> signals = new LinkedHashMap<>();
        for (Map.Entry<String, DemandSpec> e : scenario.spec().demand().entrySet()) {
            DemandSpec d = e.getValue();
            DemandSignal signal = switch (d.kind()) {
                case CONSTANT -> DemandSignals.constant(d.constant());
                case DIURNAL -> {
                    DiurnalSpec s = d.diurnal();
                    yield DemandSignals.diurnal(new DiurnalShape(s.mean(), s.amplitude(), s.peakHour(),
                            s.weekendFactor(), s.noise()), scenario.spec().start(), streams, e.getKey());
                }
                case STEPS -> {
                    List<StepSpec> steps = d.steps();
                    long[] at = new long[steps.size()];
                    double[] values = new double[steps.size()];
                    for (int i = 0; i < steps.size(); i++) {
                        at[i] = steps.get(i).at().toMillis();
                        values[i] = steps.get(i).value();
                    }
                    yield DemandSignals.steps(at, values);
                }
                case TRACE -> {
                    TraceCsv.Trace trace = scenario.demandTrace(e.getKey());
                    yield DemandSignals.trace(trace.timeMs(), trace.values());
                }
            };
            signals.put(e.getKey(), signal);
        }
        return signals;
    }
}
