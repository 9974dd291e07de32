package uk.gov.digitalid.fraud.scoring;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** The trained logistic regression ({@code fraud.model.location}), answering the probability that an event is fraud. */
@Component
public class FraudModel {

    public static final String FRAUD = "fraud";
    public static final String LEGITIMATE = "legitimate";

    private final Model<Label> model;

    @Autowired
    FraudModel(@Value("${fraud.model.location}") Resource location) throws IOException {
        this(load(location));
    }

    public FraudModel(Model<Label> model) {
        this.model = model;
    }

    public double probabilityOfFraud(RiskFeatures features) {
        Prediction<Label> prediction = model.predict(new ArrayExample<>(new Label(LEGITIMATE), features.names(), features.values()));
        Label fraud = prediction.getOutputScores().get(FRAUD);
        return fraud == null ? 0 : fraud.getScore();
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> load(Resource location) throws IOException {
        try (InputStream in = location.getInputStream()) {
            Model<?> model = Model.deserializeFromStream(in);
            if (!model.validate(Label.class)) {
                throw new IllegalStateException(location + " is not a classification model");
            }
            return (Model<Label>) model;
        }
    }
}
