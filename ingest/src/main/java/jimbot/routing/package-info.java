/** Topics: the dotted names events are routed by, and the wildcard patterns consumers subscribe with. */
package jimbot.routing;
