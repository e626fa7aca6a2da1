package dev.fleetsim.scenario.spec;

/**
 * A daily cycle: {@code mean * (1 + amplitude * cos(2 pi (hour - peakHour) / 24))}, times weekendFactor on
 * Saturdays and Sundays (UTC), times {@code (1 + noise * N(0,1))} drawn from the scenario's demand stream.
 *
 * @param mean required, in the signal's unit (e.g. requests per second)
 * @param amplitude relative swing, 0..1, default 0
 * @param peakHour UTC hour of the daily peak, 0 to below 24, default 12
 * @param weekendFactor default 1
 * @param noise relative standard deviation, default 0
 */
public record DiurnalSpec(Double mean, Double amplitude, Double peakHour, Double weekendFactor, Double noise) {

    public DiurnalSpec {
        amplitude = Specs.or(amplitude, 0.0);
        peakHour = Specs.or(peakHour, 12.0);
        weekendFactor = Specs.or(weekendFactor, 1.0);
        noise = Specs.or(noise, 0.0);
    }
}
