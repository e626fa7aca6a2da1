package dev.fleetsim.run;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.RoundedBill;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.demand.DemandMeter;
import dev.fleetsim.report.CapacityReport;
import dev.fleetsim.report.CommitmentReport;
import dev.fleetsim.report.ContainerCapacityReport;
import dev.fleetsim.report.DemandReport;
import dev.fleetsim.report.EventCounts;
import dev.fleetsim.report.FaultReport;
import dev.fleetsim.host.CapacityPools;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.report.HourlyCosts;
import dev.fleetsim.report.HourlyWorkloads;
import dev.fleetsim.report.Report;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the pinned report (SPEC section 7) from the exact bill and the run's counters. */
final class ReportAssembler {

    private final ScenarioSpec spec;
    private final RunHours hours;

    ReportAssembler(ScenarioSpec spec, RunHours hours) {
        this.spec = spec;
        this.hours = hours;
    }

    RunResult assemble(Bill bill, Optional<HourlyCosts> hourlyCosts, UsageMeter meter, UsageTee usage, Ec2Instances instances, Ec2Groups groups,
            ContainerClusters containers, long eventsProcessed,
            List<String> notSimulated, Faults faults) {
        RoundedBill rounded = bill.rounded();
        List<CommitmentReport> commitments = new ArrayList<>();
        for (RoundedBill.Commitment c : rounded.commitments()) {
            commitments.add(new CommitmentReport(commitmentId(c.id()), c.kind(), utilization(c.utilization()),
                    c.unused()));
        }
        dev.fleetsim.report.Bill reportBill = new dev.fleetsim.report.Bill(rounded.currency(), rounded.total(),
                rounded.unblendedTotal(), rounded.byService(), rounded.byPricingModel(), commitments);

        List<WorkloadReport> workloads = new ArrayList<>();
        for (int i = 0; i < spec.ec2().instances().size(); i++) {
            long launched = instances.launched(i);
            long interrupted = instances.interrupted(i);
            workloads.add(new WorkloadReport(spec.ec2().instances().get(i).name(), "ec2-instance", launched,
                    launched - interrupted, 0, interrupted));
        }
        long notices = instances.notices() + containers.notices();
        double requests = 0;
        double served = 0;
        double unserved = 0;
        boolean anyDemand = false;
        for (Ec2Groups.Group g : groups.groups()) {
            long launched = g.group.launches();
            long lost = g.group.lostInstances();
            workloads.add(new WorkloadReport(g.name(), "ec2-group", launched, launched - lost, 0, lost));
            notices += g.notices;
            if (g.demand() != null) {
                anyDemand = true;
                requests += g.demand().demanded();
                served += g.demand().served();
                unserved += g.demand().unserved();
            }
        }
        // Containers: ECS services and tasks, EKS workloads; CPU requested of container hosts (plain EC2
        // instances carry no requests).
        // Their dynamics: Fargate Spot warnings count with the instances' notices; served demand of autoscaled
        // services and Deployments adds to the groups'.
        for (WorkloadReport w : containers.reports()) {
            workloads.add(w);
            if (w.metrics() != null) {
                notices += w.metrics().interruptionNotices();
                if (w.metrics().demand() != null) {
                    anyDemand = true;
                    requests += w.metrics().demand().requests();
                    served += w.metrics().demand().served();
                    unserved += w.metrics().demand().unserved();
                }
            }
        }
        CapacityReport capacity = new CapacityReport(usage.instanceHours(), usage.peakInstances(),
                containers.meanCpuUtilization());
        List<ContainerCapacityReport> pools = new ArrayList<>();
        for (CapacityLine l : containers.capacityLines()) {
            // Provisioned nodes appear once a controller has launched any.
            if (l.kind().equals("eks-provisioned-nodes") && l.source().launched() == 0) {
                continue;
            }
            pools.add(new ContainerCapacityReport(l.cluster(), l.name(), l.kind(), l.source().launched(),
                    l.source().notices(), l.source().reclaimed(), l.replacements(), l.source().runningInstances(),
                    containers.scaling(l.source())));
        }
        Report report = new Report(spec.name(), spec.seed(), spec.horizon(), reportBill, workloads, capacity,
                new EventCounts(eventsProcessed, notices), null,
                anyDemand ? new DemandReport(requests, served, unserved) : null, pools, containers.karpenterReports(),
                faultReport(instances, groups, containers, faults));
        double[][] hourlyDemand = null;
        if (anyDemand) {
            List<DemandMeter> meters = new ArrayList<>();
            for (Ec2Groups.Group g : groups.groups()) {
                if (g.demand() != null) {
                    meters.add(g.demand());
                }
            }
            meters.addAll(containers.demandMeters());
            hourlyDemand = hours.sum(meters);
        }
        int[] pending = containers.pendingAtHourEnd();
        Optional<HourlyWorkloads> hourly = hourlyDemand == null && pending == null ? Optional.empty()
                : Optional.of(new HourlyWorkloads(hourlyDemand == null ? null : hourlyDemand[0],
                        hourlyDemand == null ? null : hourlyDemand[1], pending));
        return new RunResult(report, bill, meter, hourlyCosts, notSimulated, hourly);
    }

    /**
     * The faults section, written when the scenario limits capacity pools or injects zone outages or host failures
     * (with unlimited pools and no outage no launch can find InsufficientInstanceCapacity).
     */
    private FaultReport faultReport(Ec2Instances instances, Ec2Groups groups, ContainerClusters containers,
            Faults faults) {
        boolean any = !spec.capacity().pools().isEmpty();
        for (FaultSpec f : spec.faults()) {
            any |= f.kind() != FaultSpec.Kind.SPOT_INTERRUPTION;
        }
        if (!any) {
            return null;
        }
        List<FaultReport.Workload> lines = new ArrayList<>();
        for (int i = 0; i < spec.ec2().instances().size(); i++) {
            // A fixed instance's refused window launch is one pool attempt: as many ICE answers as failed launches.
            long failed = instances.failedLaunches(i);
            lines.add(new FaultReport.Workload(spec.ec2().instances().get(i).name(), "ec2-instance", failed, failed,
                    instances.hostFailures(i), instances.recoveries(i), instances.outageFailures(i), 0, 0, 0));
        }
        for (Ec2Groups.Group g : groups.groups()) {
            lines.add(new FaultReport.Workload(g.name(), "ec2-group", g.group.insufficientCapacityErrors(),
                    g.group.failedLaunches(), g.hostFailures, 0, g.outageFailures, g.replacements,
                    g.group.azRebalanceLaunches(), g.group.azRebalanceTerminations()));
        }
        for (CapacityLine l : containers.capacityLines()) {
            ContainerInstances src = l.source();
            if (l.kind().equals("eks-provisioned-nodes") && src.launched() == 0) {
                continue; // as in containerCapacity: provisioned nodes appear once a controller launched any
            }
            long ice = src.refusedLaunches();
            long failed = 0; // a node provisioner's caller decides what a refusal means
            long azLaunches = 0;
            long azTerminations = 0;
            if (src instanceof ContainerGroup g) {
                ice = g.autoScalingGroup().insufficientCapacityErrors();
                failed = g.autoScalingGroup().failedLaunches();
                azLaunches = g.autoScalingGroup().azRebalanceLaunches();
                azTerminations = g.autoScalingGroup().azRebalanceTerminations();
            }
            lines.add(new FaultReport.Workload(l.cluster() + "/" + l.name(), l.kind(), ice, failed, src.hostFailures(),
                    0, src.outageFailures(), src.faultReplacements(), azLaunches, azTerminations));
        }
        List<FaultReport.Pool> pools = new ArrayList<>();
        CapacityPools p = faults.pools();
        List<CapacityPools.Limit> limits = p.limits();
        for (int i = 0; i < limits.size(); i++) {
            CapacityPools.Limit l = limits.get(i);
            pools.add(new FaultReport.Pool(l.instanceType(), l.zone(), l.market() == null ? "any" : l.market().key(),
                    l.max(), p.peak(i), p.refused(i)));
        }
        return new FaultReport(faults.zoneOutages(), lines, pools);
    }

    /** Billing names commitments ri-N and sp-N in registration order; the scenario may name them itself. */
    private String commitmentId(String billingId) {
        int n = Integer.parseInt(billingId.substring(3)) - 1;
        String given = billingId.startsWith("ri-") ? spec.pricing().reservedInstances().get(n).id()
                : spec.pricing().savingsPlans().get(n).id();
        return given == null ? billingId : given;
    }

    /**
     * Coverage is metered in whole milliseconds, so a fully used size-flexible commitment can come out a
     * hair under 1; six decimals are more than any decision needs.
     */
    private static double utilization(double u) {
        double clamped = Math.max(0.0, Math.min(1.0, u));
        return Math.round(clamped * 1e6) / 1e6;
    }
}
