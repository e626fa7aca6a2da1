package dev.fleetsim.cli;

import dev.fleetsim.scenario.EntityLimits;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --max-entities N}, shared by run and validate (a picocli mixin). */
final class EntityLimitsOption {

    @Option(names = "--max-entities", paramLabel = "N", description = "the most hosts a scenario may run at once and"
            + " the most tasks and pods it may launch (defaults: 1,000,000 hosts, 10,000,000 tasks and pods)")
    private Long maxEntities;

    /** The limits, or null after printing why the option is invalid. */
    EntityLimits limits(FleetsimCli cli, String verb) {
        if (maxEntities == null) {
            return EntityLimits.defaults();
        }
        if (maxEntities < 1) {
            cli.err().println("fleetsim " + verb + ": --max-entities must be at least 1, got "
                    + String.format(Locale.ROOT, "%d", maxEntities));
            return null;
        }
        return EntityLimits.of(maxEntities);
    }
}
