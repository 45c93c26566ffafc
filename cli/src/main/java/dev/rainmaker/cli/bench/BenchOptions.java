package dev.rainmaker.cli.bench;

import java.time.Duration;
import java.util.List;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code ./rainmaker bench} options, as {@link BenchCommand} read them. */
public record BenchOptions(
        int signups, int instances, Duration bootDelay, String doLimits, Duration timeout, String via) {

    /** Whether the burst comes through api-service ({@code --via api}) rather than straight to the topic. */
    boolean viaApi() {
        return via.equals("api");
    }

    /** {@code --instances}: one or two of each service. */
    static final class OneOrTwo implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return switch (value) {
                case "1" -> 1;
                case "2" -> 2;
                default -> throw new TypeConversionException("'" + value + "' is not 1 or 2");
            };
        }
    }

    /** {@code --via}: the door the burst comes through. */
    static final class KafkaOrApi implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!List.of("kafka", "api").contains(value)) {
                throw new TypeConversionException("'" + value + "' is not kafka or api");
            }
            return value;
        }
    }

    /** {@code --do-limits}: the DigitalOcean stand-in's rate limits as DigitalOcean's, or none. */
    static final class RealOrOff implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!List.of("real", "off").contains(value)) {
                throw new TypeConversionException("'" + value + "' is not real or off");
            }
            return value;
        }
    }
}
