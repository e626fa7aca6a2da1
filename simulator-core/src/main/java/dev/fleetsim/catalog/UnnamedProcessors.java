package dev.fleetsim.catalog;

import dev.fleetsim.processor.Microarchitecture;

/**
 * Microarchitecture for the families whose rows name no CPU model in the source data (43 rows).
 * Consulted only when the model is blank; each entry says where the fact comes from. Families not
 * listed (bmn-sf1, p6-b300, trn2: AWS states no CPU generation we could confirm) stay OTHER.
 */
final class UnnamedProcessors {
    private UnnamedProcessors() {
    }

    static Microarchitecture forFamily(String family) {
        switch (family) {
            // Previous-generation Xen families (2011-2013), Intel Xeon E5 (Sandy/Ivy Bridge); g3s is the
            // small size of g3, measured on Xeon E5-2686 v4 (Broadwell).
            case "cc2":
            case "cr1":
            case "g2":
            case "hs1":
            case "g3s":
                return Microarchitecture.INTEL_OLDER;
            // u-6tb1's other sizes are measured on Xeon Platinum 8176M; u-9tb1 and u-12tb1 are the same platform.
            case "u-6tb1":
            case "u-9tb1":
            case "u-12tb1":
                return Microarchitecture.INTEL_SKYLAKE;
            // AWS: u-18tb1 and u-24tb1 run 2nd-generation Xeon Scalable (Xeon Platinum 8280L).
            case "u-18tb1":
            case "u-24tb1":
                return Microarchitecture.INTEL_CASCADE_LAKE;
            // AWS: 4th-generation Xeon Scalable. u7i-6tb/u7i-8tb are measured on Xeon Platinum 8477C.
            case "r7iz":
            case "p5en":
            case "u7i-12tb":
            case "u7in-16tb":
            case "u7in-24tb":
            case "u7in-32tb":
                return Microarchitecture.INTEL_SAPPHIRE_RAPIDS;
            // AWS: 5th-generation AMD EPYC (Turin), high-frequency parts for m8azn.
            case "m8azn":
            case "hpc8a":
                return Microarchitecture.AMD_TURIN;
            default:
                return Microarchitecture.OTHER;
        }
    }
}
