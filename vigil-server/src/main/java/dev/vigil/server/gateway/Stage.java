package dev.vigil.server.gateway;

/** One step of the request pipeline (DESIGN §1). Throwing an AwsException ends the chain with that error. */
@FunctionalInterface
interface Stage {
    void apply(Exchange x);
}
