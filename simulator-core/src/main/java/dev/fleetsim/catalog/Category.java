package dev.fleetsim.catalog;

import java.util.Locale;
import java.util.Optional;

/** AWS's instance-type categories, as the EC2 User Guide groups the families. */
public enum Category {
    GENERAL, COMPUTE, MEMORY, STORAGE, ACCELERATED, HPC;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** Lower-case name: "general", "compute", "memory", "storage", "accelerated", "hpc". */
    public String key() {
        return key;
    }

    public static Optional<Category> fromKey(String key) {
        for (Category c : values()) {
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
