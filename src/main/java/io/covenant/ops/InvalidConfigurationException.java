package io.covenant.ops;

/** A setting that stops the service from starting; the message names the setting but never echoes a secret. */
class InvalidConfigurationException extends RuntimeException {

    private final String setting;

    InvalidConfigurationException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    String setting() {
        return setting;
    }
}
