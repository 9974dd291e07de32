package uk.gov.digitalid.commons;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;

/**
 * Who this process is: the service ({@code spring.application.name}), the environment
 * ({@code digitalid.env}: local, dev, staging, prod) and the instance (the pod name in a cluster).
 */
public record ServiceIdentity(String service, String env, String instance) {

    public static ServiceIdentity from(Environment environment) {
        String service = environment.getProperty("spring.application.name", "unnamed-service");
        String env = environment.getProperty("digitalid.env", "local");
        String instance = environment.getProperty("HOSTNAME");
        if (instance == null || instance.isBlank()) {
            instance = hostAndPid();
        }
        return new ServiceIdentity(service, env, instance);
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
