package uk.gov.digitalid.fraud.scoring.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import uk.gov.digitalid.fraud.scoring.RiskFeatures;

/**
 * A labelled synthetic dataset of scored events, reproducible from its seed. Fraud shows as bursts
 * (many failed sign-ins on one account or address, many identities proved from one address,
 * registration runs, verification floods); legitimate activity is sparse. A share of each class
 * looks like the other, so the task is not trivially separable.
 */
public final class SyntheticActivity {

    public record Sample(RiskFeatures features, boolean fraud) {
    }

    private SyntheticActivity() {
    }

    public static List<Sample> generate(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            boolean fraud = random.nextDouble() < 0.2;
            // About one sample in twenty behaves like the other class: quiet fraud, noisy legitimate users.
            boolean looksFraudulent = fraud != (random.nextDouble() < 0.05);
            // Events that count in no window carry no signal; the scored kinds are the interesting ones.
            String kind = RiskFeatures.KINDS[random.nextInt(RiskFeatures.KINDS.length - 1)];
            samples.add(new Sample(features(random, kind, looksFraudulent), fraud));
        }
        return samples;
    }

    private static RiskFeatures features(SplittableRandom random, String kind, boolean burst) {
        return switch (kind) {
            case "login-failed" -> new RiskFeatures(kind, 1 + poisson(random, burst ? 6 : 0.5), 1 + poisson(random, burst ? 14 : 1.5), 0, 0, 0);
            case "registered" -> new RiskFeatures(kind, 0, 0, 0, 1 + poisson(random, burst ? 5 : 0.4), 0);
            case "identity" -> new RiskFeatures(kind, 0, 0, 1 + poisson(random, burst ? 3.5 : 0.15), 0, 0);
            case "credential-verified" -> new RiskFeatures(kind, 0, 0, 0, 0, 1 + poisson(random, burst ? 2_500 : 300));
            default -> new RiskFeatures(kind, 0, 0, 0, 0, 0);
        };
    }

    /** Knuth's method for small means, a rounded normal approximation for large ones. */
    static long poisson(SplittableRandom random, double mean) {
        if (mean > 50) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
