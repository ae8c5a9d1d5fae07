package dev.vigil.logs.insights;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields Insights discovers in the space-separated logs AWS services write: Amazon VPC flow logs (the
 * default version 2 format) and Route 53 public DNS query logs, named as AWS's "Supported logs and
 * discovered fields" page lists them. AWS applies these by log type; here a line is recognised by its
 * shape. A {@code -} stands for no value. Stateless.
 */
final class ServiceLogFields {
    private static final String[] VPC = {"version", "accountId", "interfaceId", "srcAddr", "dstAddr", "srcPort",
        "dstPort", "protocol", "packets", "bytes", "startTime", "endTime", "action", "logStatus"};
    private static final String[] ROUTE53 = {"version", "queryTimestamp", "hostZoneId", "queryName", "queryType",
        "responseCode", "protocol", "edgeLocation", "resolverIp", "ednsClientSubnet"};
    private static final Set<String> ACTIONS = Set.of("ACCEPT", "REJECT", "-");
    private static final Set<String> STATUSES = Set.of("OK", "NODATA", "SKIPDATA");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private ServiceLogFields() { }

    /** Adds the fields of a VPC flow log or Route 53 query log line; false for any other message. */
    static boolean discover(String m, FieldDiscovery.Walk w) {
        if (m.isEmpty() || !Character.isDigit(m.charAt(0))) return false;
        String[] t = m.strip().split(" ");
        if (t.length == VPC.length && DIGITS.matcher(t[0]).matches() && ACTIONS.contains(t[12])
                && STATUSES.contains(t[13]) && (t[2].startsWith("eni-") || t[2].equals("-"))) {
            put(VPC, t, w);
            return true;
        }
        if (t.length == ROUTE53.length && t[0].equals("1.0") && ISO_TIME.matcher(t[1]).matches()) {
            put(ROUTE53, t, w);
            return true;
        }
        return false;
    }

    private static void put(String[] names, String[] values, FieldDiscovery.Walk w) {
        for (int i = 0; i < names.length; i++) {
            if (!values[i].equals("-")) w.put(names[i], values[i]);
        }
    }
}
