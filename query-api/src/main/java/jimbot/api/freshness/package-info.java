/** How fresh every answer is, and the one place that writes it into HTTP and gRPC answers. */
package jimbot.api.freshness;
