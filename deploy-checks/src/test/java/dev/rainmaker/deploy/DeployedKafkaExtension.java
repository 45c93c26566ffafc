package dev.rainmaker.deploy;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link DeployedKafka} for every test class that takes it as a parameter: started when first asked for, stopped
 * once the whole run is over.
 */
final class DeployedKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DeployedKafka.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DeployedKafka.class;
    }

    @Override
    public DeployedKafka resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(DeployedKafka.class, key -> start(), DeployedKafka.class);
    }

    private static DeployedKafka start() {
        try {
            return DeployedKafka.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka deployed as deploy/kubernetes sets it up did not start", e);
        }
    }
}
