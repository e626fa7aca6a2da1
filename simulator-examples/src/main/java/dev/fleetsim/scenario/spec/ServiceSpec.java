package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.processor.Architecture;
import java.time.Duration;
import java.util.List;

/**
 * A long-running ECS service. It runs either with a capacity provider {@code strategy} or with a
 * {@code launchType} (and {@code capacityProvider} for EC2), like a task.
 *
 * @param cpu task CPU units (1024 = 1 vCPU), required
 * @param memory task memory in MiB, required
 * @param arch default x86_64
 * @param os default linux
 * @param ephemeralStorageGiB Fargate ephemeral storage, 20..200, default 20 (the included amount)
 * @param desired default 1
 * @param autoscaling null: stays at desired
 * @param deployment rolling deployments; null: none happen
 * @param placement EC2 only
 * @param stopTimeout Fargate Spot: SIGTERM to SIGKILL, default PT30S, at most PT120S (aws-rules.md item 4)
 */
public record ServiceSpec(String name, Integer cpu, Integer memory, Architecture arch, OperatingSystem os,
        Integer ephemeralStorageGiB, Integer desired, List<StrategyItemSpec> strategy, LaunchType launchType,
        String capacityProvider, ServiceAutoscalingSpec autoscaling, DeploymentSpec deployment,
        PlacementSpec placement, Duration stopTimeout) {

    public ServiceSpec {
        arch = Specs.or(arch, Architecture.X86_64);
        os = Specs.or(os, OperatingSystem.LINUX);
        ephemeralStorageGiB = Specs.or(ephemeralStorageGiB, 20);
        desired = Specs.or(desired, 1);
        strategy = strategy == null ? null : Specs.list(strategy);
        stopTimeout = Specs.or(stopTimeout, Duration.ofSeconds(30));
    }
}
