/** main, configuration and the jimbot command line. */
package jimbot.server;
