package dev.rainmaker.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rainmaker.notifier")
public interface NotifierConfig {

    /** How the emails name the product. */
    @WithDefault("Rainmaker")
    String productName();

    /** Where customers are told to write when something is wrong. */
    @WithDefault("support@rainmaker.example")
    String supportEmail();
}
