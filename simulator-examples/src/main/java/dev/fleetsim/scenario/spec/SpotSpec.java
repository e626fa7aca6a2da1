package dev.fleetsim.scenario.spec;

/**
 * The Spot market (SPEC section 4).
 *
 * @param model default advisor
 * @param interruptions default hazard; none turns off random interruptions (forced faults still apply)
 */
public record SpotSpec(SpotModelSpec model, Interruptions interruptions) {

    public SpotSpec {
        model = Specs.or(model, SpotModelSpec.ADVISOR);
        interruptions = Specs.or(interruptions, Interruptions.HAZARD);
    }

    public enum Interruptions { HAZARD, NONE }
}
