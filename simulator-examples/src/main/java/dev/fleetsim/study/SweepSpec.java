package dev.fleetsim.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A sweep file as written (docs/studies.md):
 * <pre>
 * base: commitment-base.yaml          # required: the scenario, relative to the sweep file
 * axes:                               # required: scenario path -> values, as for run --set
 *   "pricing.savingsPlans[0].commitment": [null, "1.00", "2.00"]
 * objective: total                    # total (default) or unblendedTotal; the lowest wins
 * </pre>
 * A {@code null} value removes the list item its path points into (here: no Savings Plan at all), since a
 * commitment of zero is not a valid plan.
 *
 * @param axes in file order
 */
public record SweepSpec(String base, Map<String, List<JsonNode>> axes, String objective) {
}
