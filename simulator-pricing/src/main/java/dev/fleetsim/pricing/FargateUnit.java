package dev.fleetsim.pricing;

/** A Fargate price dimension (aws-rules.md item 5); every one is a rate per hour of its unit. */
public enum FargateUnit {
    /** Per requested vCPU. */
    VCPU_HOUR("vcpu-hour"),
    /** Per requested GB (GiB) of memory. */
    GB_HOUR("gb-hour"),
    /** Per GiB of ephemeral storage above the 20 GiB included. */
    EPHEMERAL_GB_HOUR("ephemeral-gb-hour"),
    /** Windows OS licence fee per vCPU. */
    OS_LICENSE_VCPU_HOUR("os-license-vcpu-hour");

    private final String key;

    FargateUnit(String key) {
        this.key = key;
    }

    /** YAML spelling used in {@code pricing.rates} matches. */
    public String key() {
        return key;
    }

    public static FargateUnit fromKey(String key) {
        for (FargateUnit u : values()) {
            if (u.key.equals(key)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown Fargate unit '" + key
                + "'; expected vcpu-hour, gb-hour, ephemeral-gb-hour or os-license-vcpu-hour");
    }
}
