package dev.fleetsim.run;

import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.spec.SpotSpec;
import dev.fleetsim.spot.AdvisorSpotMarket;
import dev.fleetsim.spot.InterruptionAssumptions;
import dev.fleetsim.spot.SpotInterruptions;
import dev.fleetsim.spot.SpotPriceHistory;
import dev.fleetsim.spot.SpotPriceParameters;
import dev.fleetsim.spot.TraceAlignment;
import dev.fleetsim.spot.TraceSpotMarket;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code pricing.spot}: the Spot price every hour (SPEC section 4: mean-reverting around On-Demand x (1 - Spot
 * Advisor savings), or a replayed price history) and the random interruption hazard per pool.
 */
record SpotSetup(SpotRates rates, SpotInterruptionSource interruptions) {

    static SpotSetup of(Scenario scenario, PriceBook book, RandomStreams streams) {
        SpotSpec spot = scenario.spec().pricing().spot();
        SpotRates advisor = new AdvisorSpotMarket(book, streams, SpotPriceParameters.DEFAULT);
        SpotRates rates = advisor;
        if (spot.model().trace() != null) {
            Path file = scenario.resolve(spot.model().trace().file());
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                // Pools the history does not cover fall back to the advisor model.
                rates = new TraceSpotMarket(SpotPriceHistory.read(reader, file.getFileName().toString()),
                        scenario.spec().start(), TraceAlignment.SHIFT_TO_START_DAY, book, advisor);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Spot price history " + file, e);
            }
        }
        SpotInterruptionSource interruptions = spot.interruptions() == SpotSpec.Interruptions.HAZARD
                ? new SpotInterruptions(book.spotAdvisorTable(), streams, InterruptionAssumptions.DEFAULT)
                : SpotInterruptionSource.NONE;
        return new SpotSetup(rates, interruptions);
    }
}
