/** CloudWatch Logs: log groups and streams, filter patterns, metric filters and the Logs Insights engine. */
package dev.vigil.logs;
