package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.demand.DemandSignals;
import dev.fleetsim.demand.ServedDemand;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Service target tracking on the engine, with served demand metered from the running tasks. */
final class WorkloadScalerTest {

    private static final long HOUR = 3_600_000L;

    /**
     * aws-rules.md item 7: demand 300/s, perTask 100 at target 0.5 -> ceil(300 / 50) = 6 tasks, set at the third
     * evaluation (started one period in, as the ECS wiring does: t = 60, 120, 180 s, the high alarm's 3 one-minute
     * data points; AUTOSCALING phase). One m5.large holds two 1,024-unit tasks: 2 run, 4 wait. The first task started
     * at 0 (ARRIVAL); the second is placed by the pass 1 ms after 180 s (a change after the SCHEDULING phase of an
     * instant is placed at the next ms). Demanded 300 x 3,600 = 1,080,000; served 100 x 3,600 + 100 x (3,600 -
     * 180.001) = 360,000 + 341,999.9 = 701,999.9; unserved 378,000.1.
     */
    @Test
    void serviceTracking_aws_rules_item7_onAFullHost_unservedDemandIsTheMissingTasksShare() {
        Simulation sim = new Simulation(HOUR);
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(InstanceCatalog.loadDefault().require("m5.large"), "us-east-1a"), "i-0");
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        Workload web = rt.addService("web", new TaskTarget.OnHosts(new EcsPlacer(hosts, new SplittableRandom(1))
                .group("service:web", new EcsTaskDefinition(1024, 1024, Architecture.X86_64),
                        List.of(PlacementStrategy.spread("instanceId")), List.of())), 1);
        ServedDemand served = new ServedDemand(DemandSignals.constant(300), 0);
        rt.setRunningListener(web, (now, delta, host) -> served.change(now, delta, 100));
        WorkloadScaler scaler = new WorkloadScaler(sim, DemandSignals.constant(300),
                ServiceTargetTracking.EVALUATION_PERIOD_MS,
                WorkloadScaler.Policy.of(new ServiceTargetTracking(100, 0.5, 1, 10, 300_000, 300_000)),
                new WorkloadScaler.Target() {
                    @Override
                    public int desired() {
                        return web.desiredCount();
                    }

                    @Override
                    public void setDesired(int desired) {
                        rt.setDesiredCount(web, desired);
                    }

                    @Override
                    public boolean deploying() {
                        return web.deploying();
                    }

                    @Override
                    public double throughputPerTask() {
                        return served.throughputPerTask(100);
                    }
                });
        scaler.startAfterOnePeriod();
        sim.schedule(HOUR, Phase.OBSERVATION, (s, p) -> served.finish(s.nowMs()), 0);
        sim.run();

        assertThat(web.desiredCount()).isEqualTo(6);
        assertThat(scaler.changes()).isEqualTo(1);
        assertThat(rt.counters(web).running()).isEqualTo(2);
        assertThat(rt.counters(web).pending()).isEqualTo(4);
        assertThat(served.meter().demanded()).isEqualTo(1_080_000.0);
        assertThat(served.meter().served()).isCloseTo(701_999.9, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(served.meter().unserved()).isCloseTo(378_000.1, org.assertj.core.data.Offset.offset(1e-6));
    }
}
