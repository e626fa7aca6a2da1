package dev.fleetsim.processor;

import java.util.Objects;

/**
 * The CPU of an instance type.
 *
 * @param model CPU model as the data names it ("Intel Xeon Platinum 8375C", "AWS Graviton3"), or ""
 *     when the source does not name one
 * @param microarchitecture the generation the model belongs to
 * @param architecture instruction set
 */
public record Processor(String model, Microarchitecture microarchitecture, Architecture architecture) {
    public Processor {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(microarchitecture, "microarchitecture");
        Objects.requireNonNull(architecture, "architecture");
        if (!microarchitecture.supports(architecture)) {
            throw new IllegalArgumentException(
                    microarchitecture.displayName() + " cannot run " + architecture.key() + " (model '" + model + "')");
        }
    }

    /** Classifies {@code model} with {@link ProcessorModels#classify(String)}. */
    public static Processor of(String model, Architecture architecture) {
        return new Processor(model, ProcessorModels.classify(model), architecture);
    }

    public ProcessorVendor vendor() {
        return microarchitecture.vendor();
    }
}
