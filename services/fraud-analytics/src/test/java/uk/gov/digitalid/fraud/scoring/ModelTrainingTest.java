package uk.gov.digitalid.fraud.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.fraud.auditlog.CanonicalEvent;
import uk.gov.digitalid.fraud.scoring.training.ModelTraining;

class ModelTrainingTest {

    @Test
    void theModelSeparatesFraudOnTheHeldOutSplitAndTrainingIsReproducible() {
        ModelTraining.Result first = ModelTraining.train(20261126, 40_000);
        ModelTraining.Result again = ModelTraining.train(20261126, 40_000);

        System.out.printf("held out: precision %.3f recall %.3f ROC AUC %.3f%n", first.precision(), first.recall(), first.rocAuc());
        assertThat(first.rocAuc()).isGreaterThanOrEqualTo(0.9);
        assertThat(again.rocAuc()).isEqualTo(first.rocAuc());
        assertThat(again.precision()).isEqualTo(first.precision());
        assertThat(bytes(again)).as("the same bytes: the image carrying the model is reproducible").isEqualTo(bytes(first));

        FraudModel model = new FraudModel(first.model());
        double burst = model.probabilityOfFraud(new RiskFeatures("login-failed", 12, 30, 0, 0, 0));
        double quiet = model.probabilityOfFraud(new RiskFeatures("login-failed", 1, 1, 0, 0, 0));
        assertThat(burst).isGreaterThan(0.9);
        assertThat(quiet).isLessThan(0.2);
    }

    @Test
    void featuresFollowTheEventKindAndTheWindowsItTouched() {
        RiskFeatures features = RiskFeatures.of("uk.gov.digitalid.identity.verified", Map.of(Signal.IDENTITIES_PROVED_BY_IP, 4L));
        assertThat(features.kind()).isEqualTo("identity");
        assertThat(features.values()[2]).isEqualTo(Math.log1p(4));
        assertThat(features.values()[0]).isZero();
    }

    @Test
    void canonicalJsonSortsKeysAndTheChainHashDependsOnThePredecessor() {
        CanonicalEvent canonical = CanonicalEvent.parse(("{\"type\":\"t\",\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/s\","
                + "\"subject\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{\"b\":1,\"a\":2}}").getBytes(StandardCharsets.UTF_8));
        assertThat(canonical.json()).isEqualTo("{\"data\":{\"a\":2,\"b\":1},\"id\":\"e1\",\"source\":\"/s\",\"specversion\":\"1.0\","
                + "\"subject\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"type\":\"t\"}");
        assertThat(canonical.data()).containsEntry("a", 2);
        assertThatThrownBy(() -> CanonicalEvent.parse("{\"specversion\":\"1.0\",\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("needs type");
        assertThat(CanonicalEvent.chainHash(CanonicalEvent.GENESIS, canonical.json()))
                .isNotEqualTo(CanonicalEvent.chainHash("1".repeat(64), canonical.json())).hasSize(64);
    }

    private static byte[] bytes(ModelTraining.Result result) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            result.model().serializeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
