package dev.rainmaker.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rainmaker.localcloud.kafka.LocalKafka;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read. picocli puts the option's name before each message, so a bad value reads
 * {@code Invalid value for option '--customers': 'many' is not a positive whole number}.
 */
public final class OptionValues {

    private OptionValues() {}

    /** A whole number above zero. */
    public static final class PositiveNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not a positive whole number");
        }
    }

    /** A length of time: {@code 500ms}, {@code 2s}, {@code 5m}, or ISO-8601 such as {@code PT5M}; never negative. */
    public static final class Length implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m)");

        @Override
        public Duration convert(String value) {
            Matcher matcher = SHORT.matcher(value);
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    default -> Duration.ofMinutes(amount);
                };
            }
            try {
                Duration iso = Duration.parse(value);
                if (!iso.isNegative()) {
                    return iso;
                }
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 2s, 5m or PT5M");
        }
    }

    /** {@code --brokers}: one broker, or a cluster that can lose one and keep two replicas of everything in sync. */
    static final class Brokers implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int brokers = Integer.parseInt(value);
                if (LocalKafka.isPossibleSize(brokers)) {
                    return brokers;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not " + LocalKafka.POSSIBLE_SIZES);
        }
    }

    /** {@code --hosts}: {@code auto}, {@code real}, {@code containers} or {@code simulated}, in any case. */
    static final class Hosts implements ITypeConverter<HostChoice.Wanted> {
        @Override
        public HostChoice.Wanted convert(String value) {
            try {
                return HostChoice.Wanted.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not auto, real, containers or simulated");
            }
        }
    }
}
