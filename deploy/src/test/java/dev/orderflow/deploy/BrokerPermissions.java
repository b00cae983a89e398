package dev.orderflow.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** deploy/rabbitmq/permissions: each service's configure, write and read regular expressions. */
final class BrokerPermissions {

    static final String FILE = "deploy/rabbitmq/permissions";

    private BrokerPermissions() {
    }

    static Map<String, List<String>> read() {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        for (String line : Repository.read(FILE).lines().map(String::strip).toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                String[] fields = line.split("\\s+");
                permissions.put(fields[0], List.of(fields[1], fields[2], fields[3]));
            }
        }
        return permissions;
    }
}
