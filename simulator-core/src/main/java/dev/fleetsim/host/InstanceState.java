package dev.fleetsim.host;

import java.util.Locale;

/**
 * The states of an EC2 instance (aws-rules.md item 10, EC2UG/ec2-instance-lifecycle.md):
 * pending -> running -> stopping -> stopped (EBS-backed), stopped -> pending on start, running or
 * stopped -> shutting-down -> terminated. A reboot is not a transition: the instance stays running and
 * its billing period continues (aws-rules.md item 1). Hibernation goes through {@code stopping}, like a
 * stop, but bills while in it (aws-rules.md item 1, "Billing by state").
 */
public enum InstanceState {
    PENDING, RUNNING, STOPPING, STOPPED, SHUTTING_DOWN, TERMINATED;

    /** True if AWS allows going from this state straight to {@code next}. */
    public boolean canTransitionTo(InstanceState next) {
        return switch (this) {
            // A launch can be cancelled: terminating a pending instance is legal in EC2 and bills nothing.
            case PENDING -> next == RUNNING || next == SHUTTING_DOWN;
            case RUNNING -> next == STOPPING || next == SHUTTING_DOWN;
            case STOPPING -> next == STOPPED;
            case STOPPED -> next == PENDING || next == SHUTTING_DOWN;
            case SHUTTING_DOWN -> next == TERMINATED;
            case TERMINATED -> false;
        };
    }

    /** The AWS spelling: {@code pending}, {@code shutting-down}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
