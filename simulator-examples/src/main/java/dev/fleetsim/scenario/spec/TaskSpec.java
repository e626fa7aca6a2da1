package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.processor.Architecture;
import java.time.Duration;

/**
 * One-off or batch ECS tasks.
 *
 * @param launchType required
 * @param capacityProvider required with launchType EC2, not allowed otherwise
 * @param cpu CPU units (1024 = 1 vCPU), required
 * @param memory MiB, required
 * @param arch default x86_64
 * @param os default linux
 * @param ephemeralStorageGiB Fargate only: 20..200, default 20
 * @param arrivals default: one task at PT0S
 * @param duration required: how long each task runs (its billed time on Fargate)
 * @param placement EC2 launch type only
 * @param stopTimeout Fargate Spot: default PT30S, at most PT120S (aws-rules.md item 4)
 */
public record TaskSpec(String name, LaunchType launchType, String capacityProvider, Integer cpu, Integer memory,
        Architecture arch, OperatingSystem os, Integer ephemeralStorageGiB, ArrivalsSpec arrivals,
        DurationSpec duration, PlacementSpec placement, Duration stopTimeout) {

    public TaskSpec {
        arch = Specs.or(arch, Architecture.X86_64);
        os = Specs.or(os, OperatingSystem.LINUX);
        ephemeralStorageGiB = Specs.or(ephemeralStorageGiB, 20);
        arrivals = Specs.or(arrivals, ArrivalsSpec.ONCE_AT_START);
        stopTimeout = Specs.or(stopTimeout, Duration.ofSeconds(30));
    }
}
