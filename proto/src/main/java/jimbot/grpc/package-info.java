/** gRPC support shared by every service of the engine, whichever module serves it. */
package jimbot.grpc;
