package dev.fleetsim.catalog;

import java.util.Comparator;

/**
 * Orders instance types by family, then size: nano < micro < small < medium < large < xlarge <
 * 2xlarge < ... < 224xlarge < metal-12xl < ... < metal-96xl < metal; unrecognised sizes go last.
 */
final class SizeOrder implements Comparator<InstanceType> {
    static final SizeOrder INSTANCE = new SizeOrder();

    private static final long XLARGE_BASE = 1_000L;
    private static final long METAL_BASE = 1_000_000L;
    private static final long UNKNOWN = Long.MAX_VALUE;

    private SizeOrder() {
    }

    @Override
    public int compare(InstanceType a, InstanceType b) {
        int byFamily = a.family().compareTo(b.family());
        if (byFamily != 0) {
            return byFamily;
        }
        int bySize = Long.compare(rank(a.size()), rank(b.size()));
        return bySize != 0 ? bySize : a.size().compareTo(b.size());
    }

    static long rank(String size) {
        switch (size) {
            case "nano":
                return 1;
            case "micro":
                return 2;
            case "small":
                return 3;
            case "medium":
                return 4;
            case "large":
                return 5;
            case "xlarge":
                return XLARGE_BASE + 1;
            case "metal":
                return METAL_BASE * 2;
            default:
                break;
        }
        if (size.endsWith("xlarge")) {
            long n = leadingNumber(size, 0, size.length() - "xlarge".length());
            return n > 0 ? XLARGE_BASE + n : UNKNOWN;
        }
        if (size.startsWith("metal-") && size.endsWith("xl")) {
            long n = leadingNumber(size, "metal-".length(), size.length() - "xl".length());
            return n > 0 ? METAL_BASE + n : UNKNOWN;
        }
        return UNKNOWN;
    }

    /** The number in size[from, to), or -1 if that range is not all digits. */
    private static long leadingNumber(String size, int from, int to) {
        if (to <= from || to - from > 6) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = size.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
