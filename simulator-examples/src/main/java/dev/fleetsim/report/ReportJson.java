package dev.fleetsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsim.scenario.Durations;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a {@link Report} as the JSON of SPEC section 7: fields in the pinned order, money as exact decimal
 * strings with at least two fraction digits, durations as ISO-8601, maps in the report's order. The same
 * report always gives the same bytes.
 */
public final class ReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(Report r) {
        ObjectNode root = NODES.objectNode();
        root.put("scenario", r.scenario());
        root.put("seed", r.seed());
        root.put("horizon", Durations.format(r.horizon()));
        root.set("bill", bill(r.bill()));
        ArrayNode workloads = root.putArray("workloads");
        for (WorkloadReport w : r.workloads()) {
            ObjectNode o = workloads.addObject();
            o.put("name", w.name());
            o.put("kind", w.kind());
            o.put("launched", w.launched());
            o.put("completed", w.completed());
            o.put("pending", w.pending());
            o.put("interrupted", w.interrupted());
            o.put("running", w.running());
            if (w.metrics() != null) {
                metrics(o, w.metrics());
            }
        }
        WorkloadTotals totals = WorkloadTotals.of(r.workloads());
        if (totals != null) {
            ObjectNode t = root.putObject("workloadTotals");
            t.put("pendingTime", Durations.format(totals.pendingTime()));
            t.put("maxPendingWait", Durations.format(totals.maxPendingWait()));
            t.put("interruptionNotices", totals.interruptionNotices());
            t.put("replacements", totals.replacements());
            t.put("deployments", totals.deployments());
            t.put("deploymentsFinished", totals.deploymentsFinished());
        }
        ObjectNode capacity = root.putObject("capacity");
        ObjectNode hours = capacity.putObject("instanceHours");
        for (Map.Entry<String, Double> e : r.capacity().instanceHours().entrySet()) {
            hours.put(e.getKey(), e.getValue());
        }
        capacity.put("peakInstances", r.capacity().peakInstances());
        capacity.put("meanCpuUtilization", r.capacity().meanCpuUtilization());
        ObjectNode events = root.putObject("events");
        events.put("processed", r.events().processed());
        events.put("spotInterruptionNotices", r.events().spotInterruptionNotices());
        if (r.replications() == null) {
            root.putNull("replications");
        } else {
            Replications rep = r.replications();
            ObjectNode o = root.putObject("replications");
            o.put("count", rep.count());
            ObjectNode total = o.putObject("total");
            total.put("mean", Money.format(rep.total().mean()));
            total.put("stddev", Money.format(rep.total().stddev()));
            total.put("ci95Low", Money.format(rep.total().ci95Low()));
            total.put("ci95High", Money.format(rep.total().ci95High()));
            if (rep.unservedDemand() == null) {
                o.putNull("unservedDemand");
            } else {
                o.set("unservedDemand", estimate(rep.unservedDemand()));
            }
            o.set("interruptions", estimate(rep.interruptions()));
        }
        if (r.demand() != null) {
            ObjectNode d = root.putObject("demand");
            d.put("requests", r.demand().requests());
            d.put("served", r.demand().served());
            d.put("unserved", r.demand().unserved());
            d.put("unservedShare", r.demand().unservedShare());
        }
        if (!r.containerCapacity().isEmpty()) {
            ArrayNode pools = root.putArray("containerCapacity");
            for (ContainerCapacityReport c : r.containerCapacity()) {
                ObjectNode o = pools.addObject();
                o.put("cluster", c.cluster());
                o.put("name", c.name());
                o.put("kind", c.kind());
                o.put("launched", c.launched());
                o.put("spotInterruptionNotices", c.spotInterruptionNotices());
                o.put("interrupted", c.interrupted());
                o.put("replacements", c.replacements());
                o.put("running", c.running());
                if (c.scaling() != null) {
                    ContainerScaling sc = c.scaling();
                    ObjectNode so = o.putObject("scaling");
                    so.put("controller", sc.controller());
                    so.put("peakDesired", sc.peakDesired());
                    so.put("scaleOuts", sc.scaleOuts());
                    so.put("instancesAdded", sc.instancesAdded());
                    so.put("scaleIns", sc.scaleIns());
                    so.put("instancesRemoved", sc.instancesRemoved());
                }
            }
        }
        if (!r.karpenter().isEmpty()) {
            ArrayNode karpenterPools = root.putArray("karpenter");
            for (KarpenterPoolReport k : r.karpenter()) {
                ObjectNode o = karpenterPools.addObject();
                o.put("cluster", k.cluster());
                o.put("pool", k.pool());
                o.put("nodesLaunched", k.nodesLaunched());
                o.put("launchFailures", k.launchFailures());
                o.put("consolidatedEmpty", k.consolidatedEmpty());
                o.put("consolidatedUnderutilized", k.consolidatedUnderutilized());
                o.put("consolidatedReplaced", k.consolidatedReplaced());
                o.put("expired", k.expired());
                o.put("lost", k.lost());
                o.put("peakNodes", k.peakNodes());
                o.put("limitBlocked", k.limitBlocked());
            }
        }
        if (r.faults() != null) {
            ObjectNode f = root.putObject("faults");
            f.put("zoneOutages", r.faults().zoneOutages());
            ArrayNode lines = f.putArray("workloads");
            for (FaultReport.Workload w : r.faults().workloads()) {
                ObjectNode o = lines.addObject();
                o.put("name", w.name());
                o.put("kind", w.kind());
                o.put("insufficientCapacityErrors", w.insufficientCapacityErrors());
                o.put("failedLaunches", w.failedLaunches());
                o.put("hostFailures", w.hostFailures());
                o.put("recoveries", w.recoveries());
                o.put("outageFailures", w.outageFailures());
                o.put("replacements", w.replacements());
                o.put("azRebalanceLaunches", w.azRebalanceLaunches());
                o.put("azRebalanceTerminations", w.azRebalanceTerminations());
            }
            ArrayNode pools = f.putArray("pools");
            for (FaultReport.Pool p : r.faults().pools()) {
                ObjectNode o = pools.addObject();
                o.put("type", p.type());
                o.put("zone", p.zone());
                o.put("market", p.market());
                o.put("max", p.max());
                o.put("peak", p.peak());
                o.put("refused", p.refused());
            }
        }
        return pretty(root);
    }

    /** Two-space indents, {@code "key": value}, a final newline: the layout of every JSON fleetsim prints. */
    static String pretty(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode bill(Bill b) {
        ObjectNode o = NODES.objectNode();
        o.put("currency", b.currency());
        o.put("total", Money.format(b.total()));
        o.put("unblendedTotal", Money.format(b.unblendedTotal()));
        o.set("byService", money(b.byService()));
        o.set("byPricingModel", money(b.byPricingModel()));
        ArrayNode commitments = o.putArray("commitments");
        for (CommitmentReport c : b.commitments()) {
            ObjectNode co = commitments.addObject();
            co.put("id", c.id());
            co.put("kind", c.kind());
            co.put("utilization", c.utilization());
            co.put("unused", Money.format(c.unused()));
        }
        return o;
    }

    /** Issue #5 item 6: pending time, interruptions, replacements, deployments and demand of a container workload. */
    private static void metrics(ObjectNode o, WorkloadMetrics m) {
        o.put("pendingTime", Durations.format(m.pendingTime()));
        o.put("maxPendingWait", Durations.format(m.maxPendingWait()));
        o.put("interruptionNotices", m.interruptionNotices());
        o.put("replacements", m.replacements());
        ArrayNode deployments = o.putArray("deployments");
        for (WorkloadMetrics.Deployment d : m.deployments()) {
            ObjectNode dn = deployments.addObject();
            dn.put("start", Durations.format(d.start()));
            if (d.took() == null) {
                dn.putNull("took");
            } else {
                dn.put("took", Durations.format(d.took()));
            }
        }
        if (m.demand() != null) {
            ObjectNode d = o.putObject("demand");
            d.put("requests", m.demand().requests());
            d.put("served", m.demand().served());
            d.put("unserved", m.demand().unserved());
            d.put("unservedShare", m.demand().unservedShare());
        }
    }

    private static ObjectNode estimate(Estimate e) {
        ObjectNode o = NODES.objectNode();
        o.put("mean", e.mean());
        o.put("stddev", e.stddev());
        o.put("ci95Low", e.ci95Low());
        o.put("ci95High", e.ci95High());
        return o;
    }

    private static ObjectNode money(Map<String, BigDecimal> map) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, BigDecimal> e : map.entrySet()) {
            o.put(e.getKey(), Money.format(e.getValue()));
        }
        return o;
    }
}
