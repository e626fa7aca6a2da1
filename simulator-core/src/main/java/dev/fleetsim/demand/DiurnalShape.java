package dev.fleetsim.demand;

/**
 * The parameters of a daily cycle (SPEC section 3):
 * {@code mean * (1 + amplitude * cos(2 pi (hour - peakHour) / 24))}, times {@code weekendFactor} on UTC Saturdays
 * and Sundays, times {@code max(0, 1 + noise * Z)} with Z standard normal, one draw per noise step.
 *
 * @param mean the weekday daily average, in the signal's unit; >= 0
 * @param amplitude relative swing, 0..1: the peak is {@code mean * (1 + amplitude)}, the trough, 12 hours later,
 *     {@code mean * (1 - amplitude)}
 * @param peakHour UTC hour of the peak, in [0, 24); fractions allowed (14.5 = 14:30)
 * @param weekendFactor multiplies the whole day on Saturdays and Sundays; >= 0
 * @param noise relative standard deviation of the per-step noise; >= 0
 */
public record DiurnalShape(double mean, double amplitude, double peakHour, double weekendFactor, double noise) {

    public DiurnalShape {
        requireFinite("mean", mean, 0, Double.MAX_VALUE);
        requireFinite("amplitude", amplitude, 0, 1);
        requireFinite("weekendFactor", weekendFactor, 0, Double.MAX_VALUE);
        requireFinite("noise", noise, 0, Double.MAX_VALUE);
        if (!(peakHour >= 0 && peakHour < 24)) {
            throw new IllegalArgumentException("peakHour must be in [0, 24), got " + peakHour);
        }
    }

    /** No weekend effect and no noise. */
    public static DiurnalShape of(double mean, double amplitude, double peakHour) {
        return new DiurnalShape(mean, amplitude, peakHour, 1.0, 0.0);
    }

    private static void requireFinite(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
