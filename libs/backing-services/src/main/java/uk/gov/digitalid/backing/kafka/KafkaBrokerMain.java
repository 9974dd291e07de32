package uk.gov.digitalid.backing.kafka;

import java.io.IOException;
import kafka.tools.StorageTool;

/**
 * Entry point of the child JVM that runs the embedded Kafka broker: formats the KRaft storage on
 * first use, then runs the broker until its parent closes standard input (on {@code close()}, or
 * because the parent died), so the broker never outlives whoever started it.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <cluster-id>");
            System.exit(2);
        }
        Thread parentWatch = new Thread(KafkaBrokerMain::exitWhenParentGoes, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        int formatted = StorageTool.execute(new String[] {
            "format", "--cluster-id", args[1], "--config", args[0], "--ignore-formatted"}, System.out);
        if (formatted != 0) {
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] {args[0]});
    }

    private static void exitWhenParentGoes() {
        try {
            while (System.in.read() >= 0) {
                // the parent never writes; end of stream is the signal
            }
        } catch (IOException e) {
            // a broken pipe means the same thing
        }
        System.exit(0);
    }
}
