package dev.fleetsim.commitment;

/** Something bought for a term that lowers the bill in exchange for a fee owed every hour, used or not. */
public sealed interface Commitment permits ReservedInstance, SavingsPlan {

    Term term();

    PaymentOption payment();
}
