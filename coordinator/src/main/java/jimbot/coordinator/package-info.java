/**
 * The resource coordinator: GPU leases granted in fair-share order (stride scheduling over priority classes), memory
 * budgets per component, Claude API rate limits (Bucket4j), leases that expire unless renewed; served over gRPC as
 * the contract's {@code jimbot.ResourceCoordinator} and the {@code jimbot.v1.Leases} extension.
 */
package jimbot.coordinator;
