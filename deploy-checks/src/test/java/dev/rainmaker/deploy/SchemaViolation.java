package dev.rainmaker.deploy;

/** A place in a manifest its schema does not allow: {@code path} as a JSON path ({@code $.spec.replica}). */
record SchemaViolation(Manifest manifest, String path, String message) {

    @Override
    public String toString() {
        return manifest.where() + ": " + path + ": " + message;
    }
}
