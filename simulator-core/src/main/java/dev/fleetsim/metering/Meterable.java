package dev.fleetsim.metering;

/**
 * Something that accrues billable time while it runs. Core only says what ran, where and for how long;
 * the pricing module decides what that costs.
 */
public sealed interface Meterable permits InstanceUsage, FargateUsage, ClusterUsage {
}
