package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.RiScope;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.Market;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.scenario.spec.ArrivalsSpec;
import dev.fleetsim.scenario.spec.DemandSpec;
import dev.fleetsim.scenario.spec.DurationSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.GroupSpec;
import dev.fleetsim.scenario.spec.LaunchType;
import dev.fleetsim.scenario.spec.NodePoolSpec.NodePoolKind;
import dev.fleetsim.scenario.spec.ReservedInstanceSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.SpotAllocationStrategy;
import dev.fleetsim.scenario.spec.TaskSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec.WorkloadKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example of SPEC section 5 (every pinned key) loads, and each key lands where it belongs. */
final class SpecExampleTest {

    private static ScenarioSpec load() throws Exception {
        Path file = Path.of(SpecExampleTest.class.getResource("/scenarios/spec-section5.yaml").toURI());
        return new ScenarioLoader(Loading.CATALOG).load(file).spec();
    }

    @Test
    void specExample_isValid_andBindsEveryPinnedKey() throws Exception {
        ScenarioSpec s = load();

        assertThat(s.name()).isEqualTo("e11-compute-sp");
        assertThat(s.seed()).isEqualTo(7L);
        assertThat(s.demand().get("web-rps").kind()).isEqualTo(DemandSpec.Kind.DIURNAL);
        assertThat(s.demand().get("web-rps").diurnal().peakHour()).isEqualTo(14.0);
        assertThat(s.demand().get("batch").trace().value()).isEqualTo("rps");

        assertThat(s.ec2().instances().get(0).runs().get(0).end()).isEqualTo(Duration.ofHours(1));
        GroupSpec web = s.ec2().groups().get(0);
        assertThat(web.mix().onDemandPercentAboveBase()).isEqualTo(20);
        assertThat(web.mix().spotAllocationStrategy()).isEqualTo(SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED);
        assertThat(web.scaling().perInstance()).isEqualTo(200.0);
        assertThat(web.capacityRebalance()).isTrue();

        EcsClusterSpec prod = s.ecs().clusters().get(0);
        assertThat(prod.capacityProviders().get(0).managedScaling().targetCapacity()).isEqualTo(100);
        assertThat(prod.services().get(0).strategy().get(0).base()).isEqualTo(2);
        assertThat(prod.services().get(0).autoscaling().max()).isEqualTo(60);
        TaskSpec etl = prod.tasks().get(0);
        assertThat(etl.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(etl.arch()).isEqualTo(Architecture.X86_64);
        assertThat(etl.ephemeralStorageGiB()).isEqualTo(30);
        assertThat(etl.arrivals().kind()).isEqualTo(ArrivalsSpec.Kind.EVERY);
        assertThat(etl.duration().fixed()).isEqualTo(Duration.ofMinutes(10));
        TaskSpec index = prod.tasks().get(1);
        assertThat(index.arrivals().poisson().ratePerHour()).isEqualTo(20.0);
        assertThat(index.duration().kind()).isEqualTo(DurationSpec.Kind.LOGNORMAL);
        assertThat(index.placement().constraints().get(0).distinctInstance()).isTrue();
        assertThat(prod.tasks().get(2).arrivals().uniform().over()).isEqualTo(Duration.ofDays(1));
        assertThat(prod.tasks().get(3).arrivals().at()).containsExactly(Duration.ZERO, Duration.ofHours(12));

        EksClusterSpec platform = s.eks().clusters().get(0);
        assertThat(platform.autoscaler()).isEqualTo(EksClusterSpec.Autoscaler.CLUSTER_AUTOSCALER);
        assertThat(platform.nodePools()).extracting(p -> p.kind())
                .containsExactly(NodePoolKind.MANAGED, NodePoolKind.KARPENTER, NodePoolKind.FARGATE);
        assertThat(platform.nodePools().get(1).market()).isEqualTo(Market.SPOT);
        assertThat(platform.workloads().get(0).requests().cpu().millicores()).isEqualTo(10);
        assertThat(platform.workloads().get(2).kind()).isEqualTo(WorkloadKind.JOB);
        assertThat(platform.workloads().get(2).requests().memory().mebibytes()).isEqualTo(768);

        assertThat(s.pricing().rates().get(0).ec2InstanceSavingsPlan()).isEqualTo(new BigDecimal("0.60"));
        ReservedInstanceSpec zonal = s.pricing().reservedInstances().get(1);
        assertThat(zonal.scope()).isEqualTo(RiScope.ZONE);
        assertThat(zonal.offeringClass()).isEqualTo(OfferingClass.STANDARD);
        assertThat(zonal.term()).isEqualTo(Term.ONE_YEAR);
        assertThat(s.pricing().savingsPlans().get(1).kind()).isEqualTo(SavingsPlanKind.EC2_INSTANCE);
        assertThat(s.pricing().savingsPlans().get(0).commitment()).isEqualTo(new BigDecimal("19.60"));
        assertThat(s.pricing().spot().model().isAdvisor()).isTrue();

        assertThat(s.faults()).extracting(FaultSpec::kind).containsExactly(FaultSpec.Kind.SPOT_INTERRUPTION,
                FaultSpec.Kind.ZONE_OUTAGE, FaultSpec.Kind.HOST_FAILURES);
    }

    @Test
    void specExample_traceSignal_readsItsPoints() throws Exception {
        Path file = Path.of(SpecExampleTest.class.getResource("/scenarios/spec-section5.yaml").toURI());
        Scenario scenario = new ScenarioLoader(Loading.CATALOG).load(file);

        TraceCsv.Trace t = scenario.demandTrace("batch");
        // traces/batch.csv: PT0S 120, PT15M 180, PT30M 90, PT45M 150.
        assertThat(t.timeMs()).containsExactly(0, 900_000, 1_800_000, 2_700_000);
        assertThat(t.values()).containsExactly(120, 180, 90, 150);
    }
}
