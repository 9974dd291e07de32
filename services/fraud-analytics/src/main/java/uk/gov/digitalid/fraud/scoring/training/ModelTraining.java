package uk.gov.digitalid.fraud.scoring.training;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import uk.gov.digitalid.fraud.scoring.FraudModel;

/**
 * Trains the fraud model reproducibly: generates the labelled synthetic dataset from a seed, holds
 * out a fifth, trains a logistic regression (Tribuo, SGD with AdaGrad, the same seed), writes the
 * versioned model file and prints precision, recall and ROC AUC on the held-out split. The build runs
 * it ({@code process-classes}); by hand:
 * {@code java -cp ... ModelTraining --seed=20261126 --out=models/fraud-risk-v1.model [--samples=40000]}.
 */
public final class ModelTraining {

    public record Result(Model<Label> model, double precision, double recall, double rocAuc, int trainSize, int testSize) {
    }

    private static final LabelFactory LABELS = new LabelFactory();

    private ModelTraining() {
    }

    public static Result train(long seed, int samples) {
        List<SyntheticActivity.Sample> all = SyntheticActivity.generate(seed, samples);
        int split = samples * 4 / 5;
        OffsetDateTime fixed = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        MutableDataset<Label> train = dataset(all.subList(0, split), "synthetic activity, seed " + seed + ", training", fixed);
        MutableDataset<Label> test = dataset(all.subList(split, samples), "synthetic activity, seed " + seed + ", held out", fixed);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 8, Integer.MAX_VALUE, 1, seed);
        Model<Label> model = withFixedProvenance(trainer.train(train), fixed);
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
        Label fraud = new Label(FraudModel.FRAUD);
        return new Result(model, evaluation.precision(fraud), evaluation.recall(fraud), evaluation.AUCROC(fraud), train.size(), test.size());
    }

    /**
     * The same model with its provenance dated to the fixed instant and without the building
     * machine's details (Java version, OS, host), so that the same seed gives the same bytes and the
     * image that carries the model is reproducible. Tribuo offers this only through the protected
     * {@code Model.copy(String, ModelProvenance)}.
     */
    @SuppressWarnings("unchecked")
    static Model<Label> withFixedProvenance(Model<Label> trained, OffsetDateTime fixed) {
        ModelProvenance original = trained.getProvenance();
        ModelProvenance provenance = new ModelProvenance(original.getClassName(), fixed, original.getDatasetProvenance(),
                original.getTrainerProvenance(), Map.of(), false);
        try {
            Method copy = Model.class.getDeclaredMethod("copy", String.class, ModelProvenance.class);
            copy.setAccessible(true);
            return (Model<Label>) copy.invoke(trained, trained.getName(), provenance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Tribuo's Model.copy(String, ModelProvenance) is not there", e);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Stream.of(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1)));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261126"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "40000"));
        Path out = Path.of(options.getOrDefault("out", "models/fraud-risk-v1.model"));
        Result result = train(seed, samples);
        Files.createDirectories(out.toAbsolutePath().getParent());
        result.model().serializeToFile(out);
        System.out.printf("fraud model (logistic regression, seed %d): trained on %d, held out %d: precision %.3f, recall %.3f, ROC AUC %.3f -> %s%n",
                seed, result.trainSize(), result.testSize(), result.precision(), result.recall(), result.rocAuc(), out);
    }

    private static MutableDataset<Label> dataset(List<SyntheticActivity.Sample> samples, String description, OffsetDateTime created) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, created, LABELS), LABELS);
        for (SyntheticActivity.Sample sample : samples) {
            Label label = new Label(sample.fraud() ? FraudModel.FRAUD : FraudModel.LEGITIMATE);
            dataset.add(new ArrayExample<>(label, sample.features().names(), sample.features().values()));
        }
        return dataset;
    }
}
