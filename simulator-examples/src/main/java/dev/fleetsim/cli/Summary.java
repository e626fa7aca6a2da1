package dev.fleetsim.cli;

import dev.fleetsim.scenario.Durations;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.UserText;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;

/** A one-line description of a valid scenario: name, horizon, region and what it contains. */
final class Summary {

    private Summary() {
    }

    static String of(Scenario scenario) {
        ScenarioSpec s = scenario.spec();
        long instances = 0;
        for (InstanceSpec i : s.ec2().instances()) {
            instances += i.count();
        }
        int services = 0;
        int tasks = 0;
        for (EcsClusterSpec c : s.ecs().clusters()) {
            services += c.services().size();
            tasks += c.tasks().size();
        }
        int workloads = 0;
        for (EksClusterSpec c : s.eks().clusters()) {
            workloads += c.workloads().size();
        }
        StringBuilder b = new StringBuilder();
        b.append(UserText.quote(s.name())).append(", horizon ").append(Durations.format(s.horizon()))
                .append(", seed ").append(s.seed()).append(", ").append(s.region())
                .append(" (").append(plural(s.zones().size(), "zone")).append("); ")
                .append(plural(instances, "EC2 instance")).append(", ")
                .append(plural(s.ec2().groups().size(), "Auto Scaling group"));
        if (!s.ecs().clusters().isEmpty()) {
            b.append(", ").append(plural(s.ecs().clusters().size(), "ECS cluster")).append(" (")
                    .append(plural(services, "service")).append(", ").append(plural(tasks, "task")).append(')');
        }
        if (!s.eks().clusters().isEmpty()) {
            b.append(", ").append(plural(s.eks().clusters().size(), "EKS cluster")).append(" (")
                    .append(plural(workloads, "workload")).append(')');
        }
        b.append(", ").append(plural(s.pricing().reservedInstances().size(), "Reserved Instance purchase"))
                .append(", ").append(plural(s.pricing().savingsPlans().size(), "Savings Plan"))
                .append(", ").append(plural(s.faults().size(), "fault"));
        return b.toString();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
