package dev.fleetsim.scenario;

import dev.fleetsim.commitment.RiScope;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.scenario.spec.PricingSpec;
import dev.fleetsim.scenario.spec.RateMatchSpec;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.scenario.spec.RateSpec;
import dev.fleetsim.scenario.spec.ReservedInstanceSpec;
import dev.fleetsim.scenario.spec.SavingsPlanSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rate overrides, Reserved Instances, Savings Plans and the Spot model (SPEC section 4). */
final class PricingRules {

    /** Savings Plan commitments are bought in steps of $0.001 per hour. */
    private static final BigDecimal SP_STEP = new BigDecimal("0.001");

    private PricingRules() {
    }

    static void check(Check c) {
        PricingSpec p = c.spec.pricing();
        rates(c, p.rates());
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < p.reservedInstances().size(); i++) {
            String path = Issues.index("pricing.reservedInstances", i);
            ReservedInstanceSpec ri = p.reservedInstances().get(i);
            if (!c.nullItem(path, ri)) {
                reservedInstance(c, path, ri);
                id(c, ids, path, ri.id() != null ? ri.id() : "ri-" + (i + 1));
            }
        }
        for (int i = 0; i < p.savingsPlans().size(); i++) {
            String path = Issues.index("pricing.savingsPlans", i);
            SavingsPlanSpec sp = p.savingsPlans().get(i);
            if (!c.nullItem(path, sp)) {
                savingsPlan(c, path, sp);
                id(c, ids, path, sp.id() != null ? sp.id() : "sp-" + (i + 1));
            }
        }
        if (p.spot().model().trace() != null) {
            String fp = "pricing.spot.model.trace.file";
            String file = p.spot().model().trace().file();
            if (c.requiredText(fp, file, "a Spot price history CSV, relative to the scenario file")) {
                Path resolved = c.baseDirectory.resolve(file).normalize();
                if (!Files.isRegularFile(resolved)) {
                    c.issues.add(fp, "no such file: " + resolved, "paths are relative to the scenario file");
                }
            }
        }
    }

    private static void id(Check c, Map<String, String> ids, String path, String id) {
        String earlier = ids.putIfAbsent(id, path);
        if (earlier != null) {
            c.issues.add(Issues.child(path, "id"), "the id " + UserText.quote(id) + " is already used by " + earlier,
                    "commitment ids are unique (defaults: ri-N, sp-N by position)");
        }
    }

    private static void rates(Check c, List<RateSpec> rates) {
        Map<RateMatchSpec, Integer> seen = new HashMap<>();
        for (int i = 0; i < rates.size(); i++) {
            String path = Issues.index("pricing.rates", i);
            RateSpec r = rates.get(i);
            if (c.nullItem(path, r) || !c.required(Issues.child(path, "match"), r.match(),
                    "e.g. match: {type: r5.4xlarge, os: linux}")) {
                continue;
            }
            RateMatchSpec m = r.match();
            String mp = Issues.child(path, "match");
            Integer earlier = seen.putIfAbsent(m, i);
            if (earlier != null) {
                c.issues.add(mp, "the same match as pricing.rates[" + earlier + "]", "only the first applies; merge"
                        + " them");
            }
            String on = "to service " + EnumKeys.key(m.service());
            if (m.service() == RateMatchSpec.RateService.EC2) {
                c.instanceType(Issues.child(mp, "type"), m.type());
                c.notApplicable(Issues.child(mp, "arch"), m.arch(), on + "; the type fixes it");
                c.notApplicable(Issues.child(mp, "unit"), m.unit(), on + "; EC2 rates are per instance-hour");
            } else {
                c.notApplicable(Issues.child(mp, "type"), m.type(), on);
                c.notApplicable(Issues.child(mp, "tenancy"), m.tenancy(), on);
                c.required(Issues.child(mp, "arch"), m.arch(), "x86_64 or arm64");
                c.required(Issues.child(mp, "unit"), m.unit(), "vcpu-hour, gb-hour, ephemeral-gb-hour or"
                        + " os-license-vcpu-hour");
                if (m.os() != OperatingSystem.LINUX && m.os() != OperatingSystem.WINDOWS) {
                    c.issues.add(Issues.child(mp, "os"), "Fargate runs Linux or Windows, not " + EnumKeys.key(m.os()),
                            "");
                }
                // aws-rules.md item 3: RIs and EC2 Instance SPs do not cover Fargate.
                c.notApplicable(Issues.child(path, "reserved"), r.reserved(), "to Fargate");
                c.notApplicable(Issues.child(path, "ec2InstanceSavingsPlan"), r.ec2InstanceSavingsPlan(),
                        "to Fargate; only Compute Savings Plans cover it");
            }
            if (r.onDemand() == null && r.computeSavingsPlan() == null && r.ec2InstanceSavingsPlan() == null
                    && r.reserved() == null && r.spot() == null) {
                c.issues.add(path, "overrides no rate", "give onDemand, computeSavingsPlan, ec2InstanceSavingsPlan,"
                        + " reserved or spot");
            }
            money(c, Issues.child(path, "onDemand"), r.onDemand());
            money(c, Issues.child(path, "computeSavingsPlan"), r.computeSavingsPlan());
            money(c, Issues.child(path, "ec2InstanceSavingsPlan"), r.ec2InstanceSavingsPlan());
            money(c, Issues.child(path, "reserved"), r.reserved());
            money(c, Issues.child(path, "spot"), r.spot());
            if (r.onDemand() != null) {
                aboveOnDemand(c, Issues.child(path, "computeSavingsPlan"), r.computeSavingsPlan(), r.onDemand());
                aboveOnDemand(c, Issues.child(path, "ec2InstanceSavingsPlan"), r.ec2InstanceSavingsPlan(),
                        r.onDemand());
                aboveOnDemand(c, Issues.child(path, "reserved"), r.reserved(), r.onDemand());
            }
        }
    }

    private static void money(Check c, String path, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            c.issues.add(path, "a rate must not be negative, got " + value.toPlainString(), "");
        }
    }

    /** A commitment rate above On-Demand is no discount, and SP ordering by discount would break (item 3). */
    private static void aboveOnDemand(Check c, String path, BigDecimal rate, BigDecimal onDemand) {
        if (rate != null && rate.compareTo(onDemand) > 0) {
            c.issues.add(path, rate.toPlainString() + " is above the On-Demand rate " + onDemand.toPlainString(),
                    "a commitment rate is a discount on On-Demand");
        }
    }

    /** aws-rules.md item 2. */
    private static void reservedInstance(Check c, String path, ReservedInstanceSpec ri) {
        c.instanceType(Issues.child(path, "type"), ri.type())
                .ifPresent(t -> c.osRunsOn(Issues.child(path, "os"), ri.os(), List.of(t)));
        c.range(Issues.child(path, "count"), ri.count(), 1, 1_000_000);
        if (ri.scope() == RiScope.ZONE) {
            if (c.requiredText(Issues.child(path, "zone"), ri.zone(), "a zonal RI names its zone")) {
                c.zone(Issues.child(path, "zone"), ri.zone());
            }
        } else {
            c.notApplicable(Issues.child(path, "zone"), ri.zone(), "to a regional RI; set scope: zone for a"
                    + " zonal one");
        }
        if (ri.id() != null) {
            c.requiredText(Issues.child(path, "id"), ri.id(), "");
        }
        money(c, Issues.child(path, "upfront"), ri.upfront());
        money(c, Issues.child(path, "hourly"), ri.hourly());
    }

    /** aws-rules.md item 3. */
    private static void savingsPlan(Check c, String path, SavingsPlanSpec sp) {
        if (c.required(Issues.child(path, "kind"), sp.kind(), "compute or ec2-instance")) {
            String fp = Issues.child(path, "family");
            if (sp.kind() == SavingsPlanKind.EC2_INSTANCE) {
                if (c.requiredText(fp, sp.family(), "an EC2 Instance Savings Plan covers one family, e.g."
                        + " family: r5") && c.catalog.family(sp.family()).isEmpty()) {
                    String hint = DidYouMean.suggestion(sp.family(), c.catalog.families());
                    c.issues.add(fp, "unknown instance family " + UserText.quote(sp.family()),
                            hint.isEmpty() ? "fleetsim catalog lists the families" : hint);
                }
            } else {
                c.notApplicable(fp, sp.family(), "to a Compute Savings Plan, which covers every family");
            }
        }
        String cp = Issues.child(path, "commitment");
        if (c.required(cp, sp.commitment(), "USD per hour, e.g. commitment: \"19.60\"")) {
            if (sp.commitment().compareTo(SP_STEP) < 0) {
                c.issues.add(cp, "must be at least 0.001 USD per hour, got " + sp.commitment().toPlainString(), "");
            } else if (sp.commitment().stripTrailingZeros().scale() > 3) {
                c.issues.add(cp, sp.commitment().toPlainString() + " is finer than $0.001",
                        "Savings Plan commitments are bought in steps of $0.001 per hour");
            }
        }
        if (sp.id() != null) {
            c.requiredText(Issues.child(path, "id"), sp.id(), "");
        }
    }
}
