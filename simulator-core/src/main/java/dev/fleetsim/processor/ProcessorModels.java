package dev.fleetsim.processor;

/**
 * Maps a CPU model name to its microarchitecture using the vendors' numbering schemes, so a model
 * that is not in today's catalog (a custom type in a scenario) is still classified:
 * <ul>
 *   <li>Xeon Scalable "Platinum/Gold/Silver/Bronze ABCD": B is the generation, 1 Skylake, 2 Cascade Lake,
 *       3 Ice Lake (Cooper Lake, suffix H/HL, is a Cascade Lake derivative), 4 Sapphire Rapids,
 *       5 Emerald Rapids, which reuses Sapphire Rapids' cores and platform and is filed with it;</li>
 *   <li>Xeon 6 "6nnnP" (performance cores) is Granite Rapids; the E-core parts are not modelled;</li>
 *   <li>Xeon E3/E5/E7 (Sandy Bridge to Broadwell) and Core client parts are INTEL_OLDER;</li>
 *   <li>EPYC "7xxN"/"9xxN": the last digit is the generation, 1 Naples, 2 Rome, 3 Milan, 4 Genoa, 5 Turin
 *       (AWS's custom parts keep the scheme: 7R32, 7R13, 9R14, 9R45);</li>
 *   <li>"AWS Graviton[2|3|3E|4|5]" by its suffix; "Apple M..." is APPLE.</li>
 * </ul>
 * Anything else, including "", is OTHER.
 */
public final class ProcessorModels {
    private ProcessorModels() {
    }

    public static Microarchitecture classify(String model) {
        String m = normalize(model);
        if (m.startsWith("AWS Graviton")) {
            return graviton(m.substring("AWS Graviton".length()).trim());
        }
        if (m.startsWith("Apple M")) {
            return Microarchitecture.APPLE;
        }
        if (m.startsWith("Intel Core ") || m.startsWith("Intel Xeon E3-") || m.startsWith("Intel Xeon E5-")
                || m.startsWith("Intel Xeon E7-")) {
            return Microarchitecture.INTEL_OLDER;
        }
        for (String tier : new String[] {"Platinum ", "Gold ", "Silver ", "Bronze "}) {
            if (m.startsWith("Intel Xeon " + tier)) {
                return xeonScalable(m.substring(("Intel Xeon " + tier).length()));
            }
        }
        if (m.startsWith("Intel Xeon 6")) {
            return xeon6(m.substring("Intel Xeon ".length()));
        }
        if (m.startsWith("AMD EPYC ")) {
            return epyc(m.substring("AMD EPYC ".length()));
        }
        return Microarchitecture.OTHER;
    }

    /** Drops trademark marks and the "CPU @ 2.50GHz" tail that /proc/cpuinfo adds. */
    private static String normalize(String model) {
        String m = model.replace("(R)", "").replace("(TM)", "");
        int tail = m.indexOf(" CPU");
        if (tail < 0) {
            tail = m.indexOf(" @");
        }
        if (tail >= 0) {
            m = m.substring(0, tail);
        }
        StringBuilder collapsed = new StringBuilder(m.length());
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (!space) {
                collapsed.append(c);
            } else if (collapsed.length() > 0 && collapsed.charAt(collapsed.length() - 1) != ' ') {
                collapsed.append(' ');
            }
        }
        return collapsed.toString().trim();
    }

    private static Microarchitecture graviton(String suffix) {
        switch (suffix) {
            case "":
                return Microarchitecture.GRAVITON1;
            case "2":
                return Microarchitecture.GRAVITON2;
            case "3":
                return Microarchitecture.GRAVITON3;
            case "3E":
                return Microarchitecture.GRAVITON3E;
            case "4":
                return Microarchitecture.GRAVITON4;
            case "5":
                return Microarchitecture.GRAVITON5;
            default:
                return Microarchitecture.OTHER;
        }
    }

    private static Microarchitecture xeonScalable(String number) {
        if (number.length() < 4 || !allDigits(number, 4)) {
            return Microarchitecture.OTHER;
        }
        switch (number.charAt(1)) {
            case '1':
                return Microarchitecture.INTEL_SKYLAKE;
            case '2':
                return Microarchitecture.INTEL_CASCADE_LAKE;
            case '3':
                String suffix = number.substring(4);
                return suffix.startsWith("H") ? Microarchitecture.INTEL_CASCADE_LAKE : Microarchitecture.INTEL_ICE_LAKE;
            case '4':
            case '5':
                return Microarchitecture.INTEL_SAPPHIRE_RAPIDS;
            default:
                return Microarchitecture.OTHER;
        }
    }

    private static Microarchitecture xeon6(String number) {
        boolean performanceCores = number.length() >= 5 && allDigits(number, 4) && number.charAt(4) == 'P';
        return performanceCores ? Microarchitecture.INTEL_GRANITE_RAPIDS : Microarchitecture.OTHER;
    }

    private static Microarchitecture epyc(String number) {
        if (number.length() < 4 || !Character.isDigit(number.charAt(3))) {
            return Microarchitecture.OTHER;
        }
        char series = number.charAt(0);
        char generation = number.charAt(3);
        if (series == '7') {
            switch (generation) {
                case '1':
                    return Microarchitecture.AMD_NAPLES;
                case '2':
                    return Microarchitecture.AMD_ROME;
                case '3':
                    return Microarchitecture.AMD_MILAN;
                default:
                    return Microarchitecture.OTHER;
            }
        }
        if (series == '9') {
            switch (generation) {
                case '4':
                    return Microarchitecture.AMD_GENOA;
                case '5':
                    return Microarchitecture.AMD_TURIN;
                default:
                    return Microarchitecture.OTHER;
            }
        }
        return Microarchitecture.OTHER;
    }

    private static boolean allDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
