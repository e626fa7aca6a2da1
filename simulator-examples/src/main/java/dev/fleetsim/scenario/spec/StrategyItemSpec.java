package dev.fleetsim.scenario.spec;

/**
 * One capacity provider in a strategy.
 *
 * @param base tasks placed here first, 0..100000, default 0; at most one item may set it
 * @param weight share of the rest, 0..1000; default 1 (the ECS API's default is 0, which alone would place
 *     nothing, so a lone {@code {provider: FARGATE}} could not run)
 */
public record StrategyItemSpec(String provider, Integer base, Integer weight) {

    public StrategyItemSpec {
        base = Specs.or(base, 0);
        weight = Specs.or(weight, 1);
    }
}
